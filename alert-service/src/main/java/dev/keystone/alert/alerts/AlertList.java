package dev.keystone.alert.alerts;

import java.util.List;

import dev.keystone.events.Alert;

/**
 * A page of alerts, newest first.
 *
 * @param total how many alerts match
 * @param page the page asked for
 * @param size the page size asked for
 * @param alerts this page's alerts
 */
record AlertList(long total, int page, int size, List<Alert> alerts) {

}
