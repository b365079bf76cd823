/** What the platform reported of its runtime jobs and sandboxes. */
package com.opsledger.events.runtime.event;
