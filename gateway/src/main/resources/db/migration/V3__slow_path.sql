-- The slow path (issue 6): an execution that does not finish within the answer budget is answered BLOCK and goes on
-- in the background; its result then reaches HubSpot through the callback API. Everything needed for that lives in
-- the row, so a gateway restart loses nothing: any replica resumes BLOCKED rows whose lease ran out, and sends
-- pending completions until HubSpot accepts them.

-- The verified, parsed request (callbackId, portal, object, inputs), kept from the moment the execution blocks so
-- that another process can run it again.
ALTER TABLE action_execution ADD COLUMN request JSONB;
ALTER TABLE action_execution ADD COLUMN blocked_at TIMESTAMPTZ;
-- Background runs of a BLOCKED execution: how many there were, and the earliest time of the next one (a transient
-- failure pushes it out by the back-off or the downstream's Retry-After).
ALTER TABLE action_execution ADD COLUMN run_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE action_execution ADD COLUMN next_run_at TIMESTAMPTZ;
-- Completion through HubSpot's callback API, for executions that were answered BLOCK: PENDING until HubSpot accepts
-- it (SENT), or REJECTED when HubSpot refuses it for good (e.g. the block expired or was completed otherwise).
ALTER TABLE action_execution ADD COLUMN completion_state VARCHAR(16)
    CHECK (completion_state IN ('PENDING', 'SENT', 'REJECTED'));
ALTER TABLE action_execution ADD COLUMN completion_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE action_execution ADD COLUMN next_completion_at TIMESTAMPTZ;
ALTER TABLE action_execution ADD COLUMN completed_at TIMESTAMPTZ;
ALTER TABLE action_execution ADD COLUMN completion_error VARCHAR(500);

CREATE INDEX action_execution_blocked ON action_execution (next_run_at) WHERE state = 'BLOCKED';
CREATE INDEX action_execution_completion_pending ON action_execution (next_completion_at)
    WHERE completion_state = 'PENDING';
