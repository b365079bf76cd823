/** What happened to wallets and their spend requests: the stored history. */
package com.opsledger.events.wallet.event;
