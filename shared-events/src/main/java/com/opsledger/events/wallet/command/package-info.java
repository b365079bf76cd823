/** What the platform and operators ask of a wallet; the wallet aggregate handles each. */
package com.opsledger.events.wallet.command;
