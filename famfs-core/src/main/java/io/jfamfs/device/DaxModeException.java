package io.jfamfs.device;

import java.io.IOException;

/**
 * A dax device's mode could not be read or changed. The message says which device, what was in the
 * way and, where there is one, what to do about it; the device is left as the message says.
 */
public class DaxModeException extends IOException {
    public DaxModeException(String message) {
        super(message);
    }

    public DaxModeException(String message, Throwable cause) {
        super(message, cause);
    }
}
