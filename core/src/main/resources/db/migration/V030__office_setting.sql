-- Office-wide settings (issue 16): values every workstation of the office obeys, set by a billing manager or an
-- administrator. The first is session.lockAfterMinutes, the idle time after which every window locks; a
-- workstation's own preference may only shorten it. Changes are in the audit trail (who, when, the new value).
CREATE TABLE office_setting (
    name        VARCHAR(64)  NOT NULL PRIMARY KEY,
    setting     VARCHAR(200) NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by  VARCHAR(64)  NOT NULL
);
