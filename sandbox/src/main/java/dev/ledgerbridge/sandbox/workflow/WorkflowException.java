package dev.ledgerbridge.sandbox.workflow;

/** A refused workflow admin request, answered with the given status and a {@code {"message"}} body. */
public class WorkflowException extends RuntimeException {

    private final int status;

    public WorkflowException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
