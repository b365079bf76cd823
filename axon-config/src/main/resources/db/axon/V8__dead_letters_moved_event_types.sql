-- The events moved into their area's event subpackage (issue 11). The event store keeps the names it was written
-- with (an upcaster renames them as they are read), but Axon reads parked dead letters without upcasters, so the
-- letters of a queue, which is work to do rather than history, take today's names.
UPDATE dead_letter_entry
SET payload_type = regexp_replace(payload_type, '^com\.opsledger\.events\.(feedback|notification)\.((Feedback|Notification)[A-Za-z]+)$',
                                  'com.opsledger.events.\1.event.\2')
WHERE payload_type ~ '^com\.opsledger\.events\.(feedback|notification)\.(Feedback|Notification)[A-Za-z]+$';
