/**
 * Everything Porchlight says first, from the moment a check-in falls due until a platform took it:
 * the {@link org.porchlight.delivery.Sweeper} claims what is due ({@link
 * org.porchlight.delivery.DueStore}), the {@link org.porchlight.delivery.Sender} works the {@link
 * org.porchlight.delivery.Outbox} at each platform's {@link org.porchlight.delivery.RateLimit},
 * through that platform's {@link org.porchlight.delivery.Messenger}. The store and the platform
 * adapters implement the interfaces; the app wires them; Quartz, in {@code schedule}, only says
 * when to sweep.
 */
package org.porchlight.delivery;
