package dev.keystone.alert.alerts;

/**
 * The body of acknowledge and resolve, both optional.
 *
 * @param by who; default the calling key's name
 * @param comment why
 */
record ActionRequest(String by, String comment) {

}
