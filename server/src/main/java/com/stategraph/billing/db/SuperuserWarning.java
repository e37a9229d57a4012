package com.stategraph.billing.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Says so when an operator's database role is a superuser: it could run programs on the database host. */
@Component
class SuperuserWarning {
    private static final Logger log = LoggerFactory.getLogger(SuperuserWarning.class);

    private final JdbcClient jdbc;

    SuperuserWarning(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnIfSuperuser() {
        boolean superuser = jdbc.sql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").query(Boolean.class).single();
        if (superuser) {
            log.warn("The database role the server connects as is a superuser: give it a role that owns its database but is no"
                    + " superuser (docs/operations.md, Database), so that nothing done through the server can run programs on"
                    + " the database host or read its files");
        }
    }
}
