package com.stategraph.billing.api;

import com.stategraph.billing.auth.Caller;
import com.stategraph.billing.auth.TenantAccess;
import com.stategraph.billing.notifications.Delivery;
import com.stategraph.billing.notifications.NotificationChannel;
import com.stategraph.billing.notifications.NotificationChannels;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Where a tenant is told that a sync failed, warned, or has not run for 48 hours. Tenant admins only. */
@RestController
@RequestMapping("/api/v1/tenants/{tenant_id}/notification-channels")
public class NotificationChannelController {
    private final NotificationChannels channels;
    private final TenantAccess access;

    public NotificationChannelController(NotificationChannels channels, TenantAccess access) {
        this.channels = channels;
        this.access = access;
    }

    @Schema(name = "NotificationChannelRequest")
    public record Request(@Schema(description = "webhook, slack or email", example = "webhook") String type,
                          @Schema(description = "an https:// URL (webhook, Slack incoming webhook) or an email address",
                                  example = "https://hooks.example.com/stategraph") String target,
                          @Schema(description = "sync_failed, sync_warning, sync_stale", example = "[\"sync_failed\"]") List<String> events) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a notification channel",
            description = "A webhook's HMAC-SHA256 signing secret is answered once, here; each delivery carries"
                    + " X-Stategraph-Signature: sha256=<hex HMAC of the body>.")
    public NotificationChannel create(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId,
                                      @RequestBody Request body) {
        access.requireAdmin(caller, tenantId);
        return channels.create(caller, tenantId, body.type(), body.target(), body.events());
    }

    @GetMapping
    @Operation(summary = "List notification channels")
    public Results<NotificationChannel> list(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId) {
        access.requireAdmin(caller, tenantId);
        return new Results<>(channels.list(tenantId));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a notification channel and its delivery history")
    public void delete(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId, @PathVariable("id") UUID id) {
        access.requireAdmin(caller, tenantId);
        channels.delete(caller, tenantId, id);
    }

    @PostMapping("/{id}/test")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a test event to the channel", description = "Answers the delivery; its outcome is in the history.")
    public Delivery test(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId, @PathVariable("id") UUID id) {
        access.requireAdmin(caller, tenantId);
        return channels.test(caller, tenantId, id);
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "Delivery history of a channel, newest first")
    public Results<Delivery> deliveries(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId,
                                        @PathVariable("id") UUID id, @RequestParam(name = "limit", defaultValue = "50") int limit) {
        access.requireAdmin(caller, tenantId);
        return new Results<>(channels.deliveries(tenantId, id, Results.historyLimit(limit)));
    }
}
