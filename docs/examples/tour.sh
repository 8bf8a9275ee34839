#!/usr/bin/env bash
# The tour of docs/tour.md as one script: what a partner's integration script does, with bash and curl only
# (and grep, sed, awk, tr, date: no jq, nothing to install). Each step says what it does and what came back;
# the script stops with a non-zero status as soon as an answer is not the one the tour describes, so the
# end-to-end test that runs it (deploy/e2e TourIT) keeps the tour true.
#
#   ./docs/examples/tour.sh                    # against ./deploy/run on this machine
#   MOBILITY_URL=https://... ./docs/examples/tour.sh
#
# Environment (defaults: the local platform of ./deploy/run):
#   KEYCLOAK_URL, AGREEMENTS_URL, MOBILITY_URL, CURRICULUM_URL, IDENTITY_URL
#   UNIV_LYON1_CLIENT_SECRET   secret of the univ-lyon1-integration client
#   DEMO_PASSWORD              password of the demo users, used only to set up an agreement on an empty platform
#   TOUR_KEEP_NOMINATION=1     keep the tour's nomination instead of cancelling it at the end
#   TOUR_WAIT_SECONDS          how long to wait for an event to reach mobility-service (default 60)
#   COORDINATOR_TOKEN          a token of a Lyon 1 coordinator, who manages webhook subscriptions (default: one by the
#                              password grant of the demo user coordinator.univ-lyon1, on a local platform)
#   TOUR_WEBHOOKS=0            leave the webhook out (it needs python3 and a platform that may POST to 127.0.0.1)
set -euo pipefail

KEYCLOAK_URL=${KEYCLOAK_URL:-http://127.0.0.1:8180}
AGREEMENTS_URL=${AGREEMENTS_URL:-http://127.0.0.1:8081}
MOBILITY_URL=${MOBILITY_URL:-http://127.0.0.1:8082}
CURRICULUM_URL=${CURRICULUM_URL:-http://127.0.0.1:8083}
IDENTITY_URL=${IDENTITY_URL:-http://127.0.0.1:8084}
# the realm's default (deploy/keycloak/passerelle-realm.json); PASSERELLE_UNIV_LYON1_CLIENT_SECRET replaces it there
UNIV_LYON1_CLIENT_SECRET=${UNIV_LYON1_CLIENT_SECRET:-${PASSERELLE_UNIV_LYON1_CLIENT_SECRET:-demo-only-univ-lyon1-secret}}
DEMO_PASSWORD=${DEMO_PASSWORD:-${PASSERELLE_DEMO_PASSWORD:-demo-only-password}}
TOUR_KEEP_NOMINATION=${TOUR_KEEP_NOMINATION:-0}
TOUR_WAIT_SECONDS=${TOUR_WAIT_SECONDS:-60}
TOUR_WEBHOOKS=${TOUR_WEBHOOKS:-1}
COORDINATOR_TOKEN=${COORDINATOR_TOKEN:-}

TOKEN_URL="$KEYCLOAK_URL/realms/passerelle/protocol/openid-connect/token"
PARTNER=univ-lyon1.fr
HOME_INSTITUTION=sjtu.edu.cn

TMP=$(mktemp -d)
RECEIVER_PID=
trap '[ -z "$RECEIVER_PID" ] || kill "$RECEIVER_PID" 2>/dev/null; rm -rf "$TMP"' EXIT

# ---------------------------------------------------------------------------------------------------------
# Helpers

step() { printf '\n== %s\n' "$*"; }
say() { printf '   %s\n' "$*"; }

fail() {
  printf '\nTOUR FAILED: %s\n' "$*" >&2
  if [ -s "$TMP/body" ]; then
    printf 'last answer (%s): %s\n' "${STATUS:-?}" "$(cat "$TMP/body")" >&2
  fi
  exit 1
}

# request METHOD URL TOKEN [curl options...]: the answer's status in STATUS, its body in BODY, its headers in
# $TMP/headers. English problem details (Accept-Language: en), so that the messages below read the same everywhere.
request() {
  local method=$1 url=$2 token=$3
  shift 3
  : >"$TMP/body"
  STATUS=$(curl -sS -X "$method" -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' \
    -H "Authorization: Bearer $token" -H 'Accept-Language: en' "$@" "$url") ||
    fail "$method $url: no answer (is the platform running? $MOBILITY_URL, $AGREEMENTS_URL, $KEYCLOAK_URL)"
  BODY=$(cat "$TMP/body")
}

# Whether a text contains another, without a pipe: grep -q may stop reading early, and under pipefail the
# writer's SIGPIPE would turn a match into a failure.
contains() {
  case $1 in *"$2"*) return 0 ;; esac
  return 1
}

expect_status() {
  [ "$STATUS" = "$1" ] || fail "expected HTTP $1, got $STATUS"
}

# The first string value of a field in a JSON text (stdin). Enough for ids, statuses and hashes, which never
# contain an escaped quote; a real client would use a JSON parser.
json_string() {
  { grep -o "\"$1\"[[:space:]]*:[[:space:]]*\"[^\"]*\"" || true; } | sed -n '1{s/^.*:[[:space:]]*"//; s/"$//; p;}'
}

# The first number value of a field (empty when null or absent).
json_number() {
  { grep -o "\"$1\"[[:space:]]*:[[:space:]]*[0-9][0-9]*" || true; } | sed -n '1{s/^.*:[[:space:]]*//; p;}'
}

# One header of the last answer, without its name and the trailing CR.
header() {
  { grep -i "^$1:" "$TMP/headers" || true; } | tail -n 1 | sed 's/^[^:]*:[[:space:]]*//' | tr -d '\r'
}

# A date plus some days, by the Julian day number: `date -d` is GNU only, and the tour runs on macOS too.
add_days() {
  awk -v date="$1" -v days="$2" 'BEGIN {
    split(date, p, "-"); y = p[1] + 0; m = p[2] + 0; d = p[3] + 0
    a = int((14 - m) / 12); yy = y + 4800 - a; mm = m + 12 * a - 3
    j = d + int((153 * mm + 2) / 5) + 365 * yy + int(yy / 4) - int(yy / 100) + int(yy / 400) - 32045 + days
    a = j + 32044; b = int((4 * a + 3) / 146097); c = a - int(146097 * b / 4)
    e = int((4 * c + 3) / 1461); f = c - int(1461 * e / 4); g = int((5 * f + 2) / 153)
    printf "%04d-%02d-%02d\n", 100 * b + e - 4800 + int(g / 10), g + 3 - 12 * int(g / 10), f - int((153 * g + 2) / 5) + 1
  }'
}

# A token by the password grant of passerelle-cli: only to set up an agreement on an empty local platform,
# as the international office and Lyon 1's coordinator would in the web frontend.
user_token() {
  STATUS=$(curl -sS -o "$TMP/body" -w '%{http_code}' "$TOKEN_URL" -d grant_type=password -d client_id=passerelle-cli \
    --data-urlencode "username=$1" --data-urlencode "password=$DEMO_PASSWORD") || fail "Keycloak at $KEYCLOAK_URL does not answer"
  expect_status 200
  json_string access_token <"$TMP/body"
}

# The first student condition Lyon 1 -> SJTUSM of an agreement (GET /api/agreements/{id} in $1), one line of
# JSON; empty when there is none. Only the content in force counts: an amendment waiting for approval is cut off.
lyon1_condition() {
  printf '%s' "$1" | sed 's/"amendment"[[:space:]]*:.*//' |
    sed 's/.*"conditions"[[:space:]]*:[[:space:]]*\[//; s/\].*//' | tr '}' '\n' |
    grep "\"sendingInstitution\"[[:space:]]*:[[:space:]]*\"$PARTNER\"" |
    grep "\"receivingInstitution\"[[:space:]]*:[[:space:]]*\"$HOME_INSTITUTION\"" |
    grep -v '"STAFF_' | sed -n 1p || true
}

# The SJTUSM academic year (1 September to 31 August) starting in a given year, e.g. 2026 -> 2026/2027.
academic_year() { printf '%d/%d' "$1" $(($1 + 1)); }

# ---------------------------------------------------------------------------------------------------------
step "0. The platform answers (each service's readiness; its OpenAPI document is beside it at /q/openapi)"

for service in "agreements-service $AGREEMENTS_URL" "mobility-service $MOBILITY_URL" \
  "curriculum-service $CURRICULUM_URL" "identity-service $IDENTITY_URL"; do
  url=${service#* }
  STATUS=$(curl -sS -o "$TMP/body" -w '%{http_code}' "$url/q/health/ready") || fail "${service% *} at $url does not answer"
  expect_status 200
  say "${service% *}: ready; API described at $url/q/openapi (Swagger UI at $url/q/swagger-ui)"
done

# ---------------------------------------------------------------------------------------------------------
step "1. A token for Lyon 1's integration client (client credentials grant at Keycloak)"

STATUS=$(curl -sS -o "$TMP/body" -w '%{http_code}' "$TOKEN_URL" \
  -d grant_type=client_credentials -d client_id=univ-lyon1-integration \
  --data-urlencode "client_secret=$UNIV_LYON1_CLIENT_SECRET") || fail "Keycloak at $KEYCLOAK_URL does not answer"
expect_status 200
TOKEN=$(json_string access_token <"$TMP/body")
[ -n "$TOKEN" ] || fail "no access_token in Keycloak's answer"
say "POST $TOKEN_URL -> 200, access token of ${#TOKEN} characters, valid $(json_number expires_in <"$TMP/body") s"

# ---------------------------------------------------------------------------------------------------------
step "2. The agreements open for nominations, and a condition Lyon 1 -> SJTUSM"

find_condition() {
  AGREEMENT= CONDITION_JSON=
  request GET "$MOBILITY_URL/api/mobilities/agreements?party=$PARTNER&size=100" "$TOKEN"
  expect_status 200
  say "GET $MOBILITY_URL/api/mobilities/agreements?party=$PARTNER -> 200, $(printf '%s' "$BODY" | json_number totalItems) open"
  local id
  for id in $(printf '%s' "$BODY" | grep -o '"id"[[:space:]]*:[[:space:]]*"[^"]*"' | sed 's/^.*"\([^"]*\)"$/\1/'); do
    request GET "$AGREEMENTS_URL/api/agreements/$id" "$TOKEN"
    expect_status 200
    CONDITION_JSON=$(lyon1_condition "$BODY")
    if [ -n "$CONDITION_JSON" ]; then
      AGREEMENT=$id
      AGREEMENT_TITLE=$(printf '%s' "$BODY" | json_string en)
      return
    fi
  done
}

# On an empty platform: the agreement a partner would find, drafted by Lyon 1's coordinator, proposed, and
# approved by both sides (the content hash is what each side approves).
set_up_agreement() {
  say "none with a condition Lyon 1 -> SJTUSM: setting one up as Lyon 1's coordinator and the international office would"
  local lyon1 sjtusm etag hash this_year
  lyon1=$(user_token coordinator.univ-lyon1)
  sjtusm=$(user_token admin.sjtusm)
  this_year=$(date -u +%Y)
  [ "$(date -u +%m)" -ge 9 ] || this_year=$((this_year - 1))
  request POST "$AGREEMENTS_URL/api/agreements" "$lyon1" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: tour-agreement-$(date -u +%Y%m%d%H%M%S)-$$" --data-binary @- <<EOF
{"kind": "BILATERAL_EXCHANGE",
 "title": {"fr": "Accord d'échange SJTUSM - Université Claude Bernard Lyon 1",
           "en": "Exchange agreement SJTUSM - Claude Bernard University Lyon 1",
           "zh": "上海交通大学医学院与里昂第一大学交流协议"},
 "parties": ["$PARTNER", "$HOME_INSTITUTION"],
 "firstAcademicYear": "$(academic_year "$this_year")", "lastAcademicYear": "$(academic_year $((this_year + 4)))",
 "conditions": [
   {"sendingInstitution": "$PARTNER", "receivingInstitution": "$HOME_INSTITUTION", "mobilityType": "CLINICAL_INTERNSHIP_MID",
    "placesPerYear": 10, "firstAcademicYear": "$(academic_year "$this_year")", "lastAcademicYear": "$(academic_year $((this_year + 4)))",
    "minimumDays": 28, "maximumDays": 90, "eqfLevel": 7, "iscedCode": "0912", "language": "en", "cefrLevel": "B2"},
   {"sendingInstitution": "$HOME_INSTITUTION", "receivingInstitution": "$PARTNER", "mobilityType": "CLINICAL_INTERNSHIP_MID",
    "placesPerYear": 10, "firstAcademicYear": "$(academic_year "$this_year")", "lastAcademicYear": "$(academic_year $((this_year + 4)))",
    "minimumDays": 28, "maximumDays": 90, "eqfLevel": 7, "iscedCode": "0912", "language": "fr", "cefrLevel": "B2"}]}
EOF
  expect_status 201
  local id
  id=$(printf '%s' "$BODY" | json_string id)
  etag=$(header ETag)
  say "POST $AGREEMENTS_URL/api/agreements (coordinator.univ-lyon1) -> 201 DRAFT $id, ETag $etag"
  request POST "$AGREEMENTS_URL/api/agreements/$id/proposal" "$lyon1" -H "If-Match: $etag"
  expect_status 200
  hash=$(printf '%s' "$BODY" | json_string contentHash)
  say "POST .../proposal with If-Match $etag -> 200 $(printf '%s' "$BODY" | json_string status), content hash $hash"
  request POST "$AGREEMENTS_URL/api/agreements/$id/approvals" "$lyon1" -H 'Content-Type: application/json' \
    --data-binary "{\"contentHash\": \"$hash\"}"
  expect_status 200
  say "POST .../approvals by univ-lyon1.fr -> 200"
  request POST "$AGREEMENTS_URL/api/agreements/$id/approvals" "$sjtusm" -H 'Content-Type: application/json' \
    --data-binary "{\"contentHash\": \"$hash\"}"
  expect_status 200
  [ "$(printf '%s' "$BODY" | json_string status)" = ACTIVE ] || fail "both sides approved, yet the agreement is not ACTIVE"
  say "POST .../approvals by sjtu.edu.cn -> 200 ACTIVE"

  # mobility-service learns of it from agreements-service's AgreementActivated event, moments later
  local waited=0
  while :; do
    request GET "$MOBILITY_URL/api/mobilities/agreements?party=$PARTNER&size=100" "$TOKEN"
    if [ "$STATUS" = 200 ] && contains "$BODY" "$id"; then
      break
    fi
    [ "$waited" -lt "$TOUR_WAIT_SECONDS" ] || fail "agreement $id not open at mobility-service after ${TOUR_WAIT_SECONDS}s"
    sleep 1
    waited=$((waited + 1))
  done
  say "open for nominations at mobility-service after ${waited}s"
}

find_condition
if [ -z "$AGREEMENT" ]; then
  set_up_agreement
  find_condition
  [ -n "$AGREEMENT" ] || fail "the agreement just set up has no condition Lyon 1 -> SJTUSM"
fi
CONDITION=$(printf '%s' "$CONDITION_JSON" | json_string id)
MOBILITY_TYPE=$(printf '%s' "$CONDITION_JSON" | json_string mobilityType)
FIRST_YEAR=$(printf '%s' "$CONDITION_JSON" | json_string firstAcademicYear)
LAST_YEAR=$(printf '%s' "$CONDITION_JSON" | json_string lastAcademicYear)
MIN_DAYS=$(printf '%s' "$CONDITION_JSON" | json_number minimumDays)
MAX_DAYS=$(printf '%s' "$CONDITION_JSON" | json_number maximumDays)
say "agreement $AGREEMENT ($AGREEMENT_TITLE)"
say "condition $CONDITION: $PARTNER -> $HOME_INSTITUTION, $MOBILITY_TYPE, $(printf '%s' "$CONDITION_JSON" | json_number placesPerYear) places a year," \
  "$FIRST_YEAR to $LAST_YEAR, ${MIN_DAYS:-any} to ${MAX_DAYS:-any} days"

# ---------------------------------------------------------------------------------------------------------
if [ "$TOUR_WEBHOOKS" = 1 ]; then
  step "3a. A webhook subscription: Lyon 1's system is told of its nominations (POST /api/webhooks/subscriptions)"
  command -v python3 >/dev/null || fail "python3 runs the tour's webhook receiver; without it: TOUR_WEBHOOKS=0"
  # the receiver of docs/examples/webhook_receiver.py on a free port of this machine; it checks each signature
  python3 "$(dirname "$0")/webhook_receiver.py" "$TMP/receiver.port" "$TMP/receiver.secret" "$TMP/received" &
  RECEIVER_PID=$!
  waited=0
  while [ ! -s "$TMP/receiver.port" ]; do
    [ "$waited" -lt 50 ] || fail "the webhook receiver did not start"
    sleep 0.1
    waited=$((waited + 1))
  done
  RECEIVER_URL="http://127.0.0.1:$(cat "$TMP/receiver.port")/hooks"
  [ -n "$COORDINATOR_TOKEN" ] || COORDINATOR_TOKEN=$(user_token coordinator.univ-lyon1)
  request POST "$IDENTITY_URL/api/webhooks/subscriptions" "$COORDINATOR_TOKEN" -H 'Content-Type: application/json' \
    --data-binary "{\"url\": \"$RECEIVER_URL\", \"eventTypes\": [\"passerelle.mobility.MobilityNominated.v1\"], \"description\": \"tour\"}"
  expect_status 201
  SUBSCRIPTION=$(printf '%s' "$BODY" | json_string id)
  # the secret is shown this once: the receiver keeps it to check signatures
  printf '%s' "$BODY" | json_string secret >"$TMP/receiver.secret"
  say "POST $IDENTITY_URL/api/webhooks/subscriptions (coordinator.univ-lyon1) -> 201 subscription $SUBSCRIPTION" \
    "$(printf '%s' "$BODY" | json_string status), secret whsec_… shown once"
fi

# ---------------------------------------------------------------------------------------------------------
step "3. Nominate a student (POST /api/mobilities with an Idempotency-Key), then retry"

# The coming academic year (nominations are made ahead), kept within the years the condition covers; the
# arrival must fall in it (1 September to 31 August) and the stay last the condition's minimum to maximum days.
year=$(date -u +%Y)
[ "$(date -u +%m)" -ge 9 ] || year=$((year - 1))
year=$((year + 1))
[ "$year" -ge "${FIRST_YEAR%/*}" ] || year=${FIRST_YEAR%/*}
[ "$year" -le "${LAST_YEAR%/*}" ] || year=${LAST_YEAR%/*}
days=30
[ -z "$MIN_DAYS" ] || [ "$days" -ge "$MIN_DAYS" ] || days=$MIN_DAYS
[ -z "$MAX_DAYS" ] || [ "$days" -le "$MAX_DAYS" ] || days=$MAX_DAYS

# Unique per run: the same key would answer this run's nomination again instead of making a new one.
IDEMPOTENCY_KEY="tour-$(date -u +%Y%m%dT%H%M%SZ)-$$"

nomination() {
  cat <<EOF
{"agreementId": "$AGREEMENT", "conditionId": "$CONDITION", "academicYear": "$ACADEMIC_YEAR",
 "plannedArrival": "$ARRIVAL", "plannedDeparture": "$DEPARTURE",
 "person": {"givenName": "Maëlys", "familyName": "D'Aubigné-Roussel",
            "email": "maelys.daubigne-roussel@etu.univ-lyon1.example", "ine": "123456789AB"}}
EOF
}

while :; do
  ACADEMIC_YEAR=$(academic_year "$year")
  ARRIVAL="$((year + 1))-03-02"
  DEPARTURE=$(add_days "$ARRIVAL" "$days")
  nomination >"$TMP/nomination.json"
  request POST "$MOBILITY_URL/api/mobilities" "$TOKEN" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: $IDEMPOTENCY_KEY" --data-binary @"$TMP/nomination.json"
  # a condition whose places for the year are all taken: the next year it covers, as a coordinator would
  if [ "$STATUS" = 409 ] && [ "$(printf '%s' "$BODY" | json_string type)" = urn:passerelle:problem:quota-exhausted ] &&
    [ "$year" -lt "${LAST_YEAR%/*}" ]; then
    say "$ACADEMIC_YEAR: 409 quota-exhausted ($(printf '%s' "$BODY" | json_string detail)); trying the next year"
    year=$((year + 1))
    continue
  fi
  break
done
expect_status 201
MOBILITY=$(printf '%s' "$BODY" | json_string id)
[ "$(printf '%s' "$BODY" | json_string status)" = NOMINATED ] || fail "the new mobility is not NOMINATED"
[ "$(printf '%s' "$BODY" | json_string familyName)" = "D'Aubigné-Roussel" ] || fail "the family name did not come back as sent"
say "POST $MOBILITY_URL/api/mobilities -> 201, Location $(header Location)"
say "nominated: mobility $MOBILITY NOMINATED, $(printf '%s' "$BODY" | json_string givenName) $(printf '%s' "$BODY" | json_string familyName)," \
  "$ACADEMIC_YEAR, $ARRIVAL to $DEPARTURE ($days days)"

request POST "$MOBILITY_URL/api/mobilities" "$TOKEN" -H 'Content-Type: application/json' \
  -H "Idempotency-Key: $IDEMPOTENCY_KEY" --data-binary @"$TMP/nomination.json"
expect_status 201
[ "$(printf '%s' "$BODY" | json_string id)" = "$MOBILITY" ] || fail "the retry created another mobility"
[ "$(header Idempotency-Replayed)" = true ] || fail "the retry is not marked Idempotency-Replayed: true"
say "retry with the same Idempotency-Key -> 201 Idempotency-Replayed: true, the same mobility $MOBILITY: nothing created twice"

sed 's/"ine": "123456789AB"/"ine": "1234567890C"/' "$TMP/nomination.json" >"$TMP/other.json"
request POST "$MOBILITY_URL/api/mobilities" "$TOKEN" -H 'Content-Type: application/json' \
  -H "Idempotency-Key: $IDEMPOTENCY_KEY" --data-binary @"$TMP/other.json"
expect_status 422
[ "$(printf '%s' "$BODY" | json_string type)" = urn:passerelle:problem:idempotency-key-reused ] || fail "expected idempotency-key-reused"
say "the same key with another body -> 422 urn:passerelle:problem:idempotency-key-reused"

# ---------------------------------------------------------------------------------------------------------
if [ "$TOUR_WEBHOOKS" = 1 ]; then
  step "3b. The nomination reaches the receiver, signed; the delivery log says so"
  waited=0
  until [ -f "$TMP/received" ] && contains "$(cat "$TMP/received")" "$MOBILITY"; do
    [ "$waited" -lt "$TOUR_WAIT_SECONDS" ] || fail "the nomination of mobility $MOBILITY never reached the webhook receiver"
    sleep 1
    waited=$((waited + 1))
  done
  say "receiver: $(grep "$MOBILITY" "$TMP/received")"
  request GET "$IDENTITY_URL/api/webhooks/subscriptions/$SUBSCRIPTION/deliveries" "$COORDINATOR_TOKEN"
  expect_status 200
  [ "$(printf '%s' "$BODY" | json_string status)" = DELIVERED ] || fail "the delivery log does not show the delivery DELIVERED"
  say "GET .../webhooks/subscriptions/$SUBSCRIPTION/deliveries -> 200, event $(printf '%s' "$BODY" | json_string eventId)" \
    "DELIVERED after $(printf '%s' "$BODY" | json_number attempts) attempt(s), answered $(printf '%s' "$BODY" | json_number lastStatusCode)"
  # the receiver ends with the script: pause the subscription, so that nothing is queued for it any more
  request POST "$IDENTITY_URL/api/webhooks/subscriptions/$SUBSCRIPTION/deactivation" "$COORDINATOR_TOKEN"
  expect_status 200
  say "POST .../deactivation -> 200: paused, nothing more is queued for it"
fi

# ---------------------------------------------------------------------------------------------------------
step "4. Follow the status: the mobility, then the changes feed"

request GET "$MOBILITY_URL/api/mobilities/$MOBILITY" "$TOKEN"
expect_status 200
ETAG=$(header ETag)
say "GET $MOBILITY_URL/api/mobilities/$MOBILITY -> 200 $(printf '%s' "$BODY" | json_string status)," \
  "$(printf '%s' "$BODY" | json_string sendingInstitution) -> $(printf '%s' "$BODY" | json_string receivingInstitution), ETag $ETAG"

# A script's first poll starts from an instant: here the start of yesterday (UTC), so that a clock that is not
# the server's misses nothing. It then follows nextCursor page after page; an empty page keeps the cursor, and
# a change shows once the transactions before it are settled, so the mobility may take a moment to come.
CHANGED_SINCE="$(add_days "$(date -u +%Y-%m-%d)" -1)T00:00:00Z"
request GET "$MOBILITY_URL/api/mobilities/changes?changedSince=$CHANGED_SINCE&limit=500" "$TOKEN"
expect_status 200
say "GET $MOBILITY_URL/api/mobilities/changes?changedSince=$CHANGED_SINCE -> 200"
seen=0 waited=0
while :; do
  seen=$((seen + $(printf '%s' "$BODY" | { grep -o "\"id\"[[:space:]]*:[[:space:]]*\"$MOBILITY\"" || true; } | wc -l)))
  CURSOR=$(printf '%s' "$BODY" | json_string nextCursor)
  [ "$seen" = 0 ] || break
  if [ "$(printf '%s' "$BODY" | { grep -o '"id"[[:space:]]*:' || true; } | wc -l)" -eq 0 ]; then
    [ "$waited" -lt "$TOUR_WAIT_SECONDS" ] || fail "mobility $MOBILITY never came in the changes feed"
    sleep 1
    waited=$((waited + 1))
  fi
  request GET "$MOBILITY_URL/api/mobilities/changes?cursor=$CURSOR&limit=500" "$TOKEN"
  expect_status 200
done
[ "$seen" = 1 ] || fail "mobility $MOBILITY came $seen times in the changes feed"
say "the changes feed shows mobility $MOBILITY once; the next poll asks with cursor=$CURSOR"
request GET "$MOBILITY_URL/api/mobilities/changes?cursor=$CURSOR" "$TOKEN"
expect_status 200
if contains "$BODY" "$MOBILITY"; then
  fail "the cursor answered mobility $MOBILITY again though it did not change"
fi
say "GET .../api/mobilities/changes?cursor=... -> 200, mobility $MOBILITY not repeated"

# ---------------------------------------------------------------------------------------------------------
step "5. Statistics (GET /api/statistics/mobilities)"

request GET "$MOBILITY_URL/api/statistics/mobilities?academicYear=$ACADEMIC_YEAR&partner=$PARTNER" "$TOKEN"
expect_status 200
COUNT_JSON=$(printf '%s' "$BODY" | tr '}' '\n' | grep '"direction"[[:space:]]*:[[:space:]]*"INBOUND"' |
  grep "\"mobilityType\"[[:space:]]*:[[:space:]]*\"$MOBILITY_TYPE\"" | grep '"status"[[:space:]]*:[[:space:]]*"NOMINATED"' | sed -n 1p || true)
NOMINATED=$(printf '%s' "$COUNT_JSON" | json_number mobilities)
[ -n "$NOMINATED" ] && [ "$NOMINATED" -ge 1 ] || fail "the statistics do not count the nomination"
say "GET $MOBILITY_URL/api/statistics/mobilities?academicYear=$ACADEMIC_YEAR&partner=$PARTNER -> 200"
say "statistics: $ACADEMIC_YEAR INBOUND from $PARTNER, $MOBILITY_TYPE, NOMINATED: $NOMINATED"

# ---------------------------------------------------------------------------------------------------------
step "6. Papers: what the agreement asks of every mobility, the checklist, and an insurance handed in"

# A coordinator of either party sets what the agreement asks of every mobility under it (here Lyon 1's, as in the
# web frontend; setting it again changes nothing): every open mobility of the agreement gets the line at once.
COORDINATOR_TOKEN=$(user_token coordinator.univ-lyon1)
request PUT "$MOBILITY_URL/api/mobilities/agreements/$AGREEMENT/requirements/HEALTH_INSURANCE" "$COORDINATOR_TOKEN" \
  -H 'Content-Type: application/json' --data-binary '{"validForWholeStay": true, "checkedBy": "RECEIVING"}'
expect_status 200
say "PUT .../agreements/$AGREEMENT/requirements/HEALTH_INSURANCE -> 200: a health insurance for the whole stay, checked by $HOME_INSTITUTION"

request GET "$MOBILITY_URL/api/mobilities/$MOBILITY/checklist" "$TOKEN"
expect_status 200
contains "$BODY" '"requirement":"HEALTH_INSURANCE"' || fail "the checklist has no HEALTH_INSURANCE line: $BODY"
say "GET .../api/mobilities/$MOBILITY/checklist -> 200: HEALTH_INSURANCE $(printf '%s' "$BODY" | json_string status)"

# The type is read from the content (PDF, JPEG or PNG), never from the name; the answer gives its SHA-256.
printf '%%PDF-1.4\n%% Attestation d assurance sante, Maelys D Aubigne-Roussel, %s au %s\ntrailer << >>\n%%%%EOF\n' \
  "$ARRIVAL" "$DEPARTURE" >"$TMP/attestation-assurance.pdf"
request POST "$MOBILITY_URL/api/mobilities/$MOBILITY/documents" "$TOKEN" -F requirement=HEALTH_INSURANCE \
  -F "validFrom=$ARRIVAL" -F "validUntil=$DEPARTURE" -F "file=@$TMP/attestation-assurance.pdf;type=application/pdf"
expect_status 201
DOCUMENT=$(printf '%s' "$BODY" | json_string id)
say "POST .../api/mobilities/$MOBILITY/documents (multipart) -> 201 $(printf '%s' "$BODY" | json_string status)," \
  "$(printf '%s' "$BODY" | json_string mediaType), sha256 $(printf '%s' "$BODY" | json_string sha256)"
request GET "$MOBILITY_URL/api/mobilities/$MOBILITY/checklist" "$TOKEN"
expect_status 200
[ "$(printf '%s' "$BODY" | json_string status)" = SUBMITTED ] || fail "the line is not SUBMITTED: $BODY"
say "the checklist line is SUBMITTED, document $DOCUMENT; $HOME_INSTITUTION accepts or rejects it, and the arrival waits until it is accepted"

# the mobility itself did not change; its ETag is read again all the same, as a script does before a change
request GET "$MOBILITY_URL/api/mobilities/$MOBILITY" "$TOKEN"
expect_status 200
ETAG=$(header ETag)

# ---------------------------------------------------------------------------------------------------------
if [ "$TOUR_KEEP_NOMINATION" = 1 ]; then
  printf '\nTour complete: mobility %s kept (TOUR_KEEP_NOMINATION=1).\n' "$MOBILITY"
  exit 0
fi
step "7. Withdraw the tour's nomination (a change: If-Match with the ETag), so that its place is free again"

request POST "$MOBILITY_URL/api/mobilities/$MOBILITY/cancellation" "$TOKEN" -H 'Content-Type: application/json' \
  --data-binary '{"reason": "Nomination de démonstration (visite guidée)"}'
expect_status 428
say "without If-Match -> 428 $(printf '%s' "$BODY" | json_string type)"
request POST "$MOBILITY_URL/api/mobilities/$MOBILITY/cancellation" "$TOKEN" -H 'Content-Type: application/json' \
  -H "If-Match: $ETAG" --data-binary '{"reason": "Nomination de démonstration (visite guidée)"}'
expect_status 200
[ "$(printf '%s' "$BODY" | json_string status)" = CANCELLED ] || fail "the mobility is not CANCELLED"
say "with If-Match $ETAG -> 200 CANCELLED, new ETag $(header ETag)"
request POST "$MOBILITY_URL/api/mobilities/$MOBILITY/cancellation" "$TOKEN" -H 'Content-Type: application/json' \
  -H "If-Match: $ETAG" --data-binary '{"reason": "Nomination de démonstration (visite guidée)"}'
expect_status 412
say "again with the old ETag -> 412 $(printf '%s' "$BODY" | json_string type)"

waited=0
while :; do
  request GET "$MOBILITY_URL/api/mobilities/changes?cursor=$CURSOR" "$TOKEN"
  expect_status 200
  if contains "$BODY" "$MOBILITY"; then
    # the mobility's own fields come before its nested person: the first piece up to a } holds id and status
    contains "$(printf '%s' "$BODY" | tr '}' '\n' | { grep "\"id\"[[:space:]]*:[[:space:]]*\"$MOBILITY\"" || true; })" \
      '"status":"CANCELLED"' || fail "the changes feed shows mobility $MOBILITY, not CANCELLED"
    break
  fi
  CURSOR=$(printf '%s' "$BODY" | json_string nextCursor)
  [ "$waited" -lt "$TOUR_WAIT_SECONDS" ] || fail "the cancellation never came in the changes feed"
  sleep 1
  waited=$((waited + 1))
done
say "the changes feed, from the same cursor, shows mobility $MOBILITY again, now CANCELLED"

printf '\nTour complete: nominated, followed and counted mobility %s, handed in a paper, then withdrew it.\n' "$MOBILITY"
