#!/usr/bin/env python3
"""Writes the Stripe event templates the load driver signs and sends, from Stripe's own example objects
(axon-config/src/test/resources/stripe/fixtures3.json): an issuing_card.created and an issuing_authorization.request
event, full size, with placeholders the driver fills in per request (__WALLET__, __CARD__, __ID__, __CREATED__)."""
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
authorization["pending_request"]["amount"] = 700
authorization["merchant_data"]["category"] = "computer_software_stores"


def event(kind, obj):
    return json.dumps({"id": "evt___ID__", "object": "event", "api_version": "2026-07-29.dahlia",
                       "created": 1700000000, "livemode": False, "pending_webhooks": 1, "type": kind,
                       "data": {"object": obj}, "request": {"id": None, "idempotency_key": None}},
                      separators=(",", ":")).replace('"created":1700000000', '"created":__CREATED__')


with open(out + "/card-created.json", "w") as f:
    f.write(event("issuing_card.created", card))
with open(out + "/authorization-request.json", "w") as f:
    f.write(event("issuing_authorization.request", authorization))
