/** Platform notifications (schedule results, message and usage events) that operators watch and acknowledge. */
package com.opsledger.events.notification;
