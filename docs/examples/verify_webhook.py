"""Checks a Passerelle webhook delivery (Standard Webhooks signature). Python 3, standard library only."""
import base64
import hashlib
import hmac
import time


def verify(secret: str, headers: dict, body: bytes, tolerance_seconds: int = 300) -> bool:
    """True when one of the signatures in webhook-signature was made with this secret (whsec_...)."""
    msg_id = headers["webhook-id"]
    timestamp = headers["webhook-timestamp"]
    if abs(time.time() - int(timestamp)) > tolerance_seconds:
        return False  # too old or from the future: a replayed request
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = f"{msg_id}.{timestamp}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    # during a secret rotation there are two signatures, separated by a space
    for signature in headers["webhook-signature"].split(" "):
        version, _, value = signature.partition(",")
        if version == "v1" and hmac.compare_digest(value, expected):
            return True
    return False


if __name__ == "__main__":
    # the example of the Standard Webhooks specification; Passerelle signs the same way
    secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    headers = {"webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek", "webhook-timestamp": "1614265330",
               "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="}
    body = b'{"test": 2432232314}'
    assert verify(secret, headers, body, tolerance_seconds=10**10)
    assert not verify(secret, headers, body + b" ", tolerance_seconds=10**10)
    print("signature verified")
