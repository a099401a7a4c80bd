/**
 * What every part of Porchlight runs on: its threads ({@link org.porchlight.runtime.Daemons}) and
 * monotonic time ({@link org.porchlight.runtime.Ticker}), the seam tests replace to move time
 * instead of waiting for it. It depends on nothing of ours.
 */
package org.porchlight.runtime;
