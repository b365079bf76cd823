#!/usr/bin/env python3
"""Writes the Stripe event templates the load driver signs and sends, from Stripe's own example objects
(axon-config/src/test/resources/stripe/fixtures3.json): issuing_card.created, issuing_authorization.request and
issuing_authorization.created events, full size, with placeholders the driver fills in per request (__WALLET__,
__CARD__, __ID__, __CREATED__, __AMOUNT__, __APPROVED__)."""
import json
import sys

resources = json.load(open("axon-config/src/test/resources/stripe/fixtures3.json"))["resources"]
out = sys.argv[1]

card = resources["issuing.card"]
card["id"] = "__CARD__"
card["metadata"] = {"opsledger_wallet_id": "__WALLET__"}

authorization = resources["issuing.authorization"]
authorization["id"] = "__ID__"
authorization["card"] = card
authorization["pending_request"]["amount"] = 31415926
authorization["pending_request"]["merchant_amount"] = 31415926
authorization["merchant_data"]["category"] = "computer_software_stores"


def event(kind, obj):
    text = json.dumps({"id": "evt___ID__", "object": "event", "api_version": "2026-07-29.dahlia",
                       "created": 1700000000, "livemode": False, "pending_webhooks": 1, "type": kind,
                       "data": {"object": obj}, "request": {"id": None, "idempotency_key": None}},
                      separators=(",", ":"))
    return (text.replace('"created":1700000000', '"created":__CREATED__').replace("31415926", "__AMOUNT__")
            .replace('"approved":"__APPROVED__"', '"approved":__APPROVED__'))


with open(out + "/card-created.json", "w") as f:
    f.write(event("issuing_card.created", card))
with open(out + "/authorization-request.json", "w") as f:
    f.write(event("issuing_authorization.request", authorization))

# Stripe's report after its answer: the authorization created, pending, approved as OpsLedger answered.
authorization["status"] = "pending"
authorization["approved"] = "__APPROVED__"
authorization["amount"] = 31415926
authorization["merchant_amount"] = 31415926
authorization["pending_request"] = None
with open(out + "/authorization-created.json", "w") as f:
    f.write(event("issuing_authorization.created", authorization))
