/**
 * The ledger that lets each update from a platform be handled once: how far polling has come
 * ({@link org.porchlight.intake.OffsetStore}) and which webhook updates are claimed ({@link
 * org.porchlight.intake.HandledUpdates}). The store keeps it; the Telegram adapter uses it.
 */
package org.porchlight.intake;
