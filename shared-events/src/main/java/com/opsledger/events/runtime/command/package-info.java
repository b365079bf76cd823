/** The platform's reports of its runtime jobs and sandboxes. */
package com.opsledger.events.runtime.command;
