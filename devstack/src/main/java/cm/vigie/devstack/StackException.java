package cm.vigie.devstack;

/** A component could not be installed, started or reached. The message says which and carries its log tail. */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
