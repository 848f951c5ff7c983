package io.jfamfs.cli;

import io.jfamfs.device.DaxModeException;
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
        return augment(message, new DaxModes());
    }

    static String augment(String message, DaxModes modes) {
        if (message == null || message.contains("famfs dev mode")) {
            return message;
        }
        Matcher m = DAX.matcher(message);
        if (!m.find()) {
            return message;
        }
        DaxModes.Status st;
        try {
            st = modes.status(m.group(1));
        } catch (DaxModeException e) {
            return message;
        }
        if (st.mode() == DaxModes.Mode.DEVDAX) {
            return message;
        }
        String hint = "switch it with: " + (message.contains("daxctl") ? "famfs dev mode /dev/" + st.name() + " devdax"
                : DaxModes.switchCommand(st.name(), DaxModes.Mode.DEVDAX));
        if (message.contains(st.mode().label())) {
            return message + "; " + hint;
        }
        String what = st.mode() == DaxModes.Mode.UNBOUND ? st.name() + " has no driver bound"
                : st.name() + " is in " + st.mode().label() + " mode (driver " + st.driver() + ")";
        return message + ": " + what + "; " + hint;
    }
}
