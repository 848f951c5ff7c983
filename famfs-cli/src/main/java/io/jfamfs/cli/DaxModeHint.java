package io.jfamfs.cli;

import io.jfamfs.device.DaxModes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds to a failure message that names a dax device which is not in devdax mode (system-ram: its
 * /dev/daxX.Y node is gone; unbound; another driver) what mode it is in and how to switch it, so
 * that {@code mkfs.famfs} and {@code famfs mount} on such a device say what to do.
 */
final class DaxModeHint {
    private static final Pattern DAX = Pattern.compile("/dev/(dax\\d+\\.\\d+)");

    private DaxModeHint() {
    }

    static String augment(String message) {
        if (message == null || message.contains("famfs dev mode")) {
            return message;
        }
        Matcher m = DAX.matcher(message);
        if (!m.find()) {
            return message;
        }
        String reason = new DaxModes().notDevdaxReason(m.group(1));
        return reason == null ? message : message + ": " + reason;
    }
}
