#!/bin/sh
# screenshots.sh DIR starts the real Motpart window under Xvfb once for each
# screen and language and saves a PNG of it as DIR/SCREEN-LANGUAGE.png
# (lookup-dossier-sv.png). It runs bin/motpart-desktop-shots, the window
# built with the screenshots tag (`make screenshots` builds it), whose extra
# flags (--screen, --search, --lookup, --tab, --import, --import-to-name,
# --order-aml, --order-now, --order-wait, --kyc-report, --kyc-make,
# --classify, --classify-out, --classify-pause, --classify-refresh,
# --clients-check, --clients-hold, --clients-changes,
# --vero-order, --vero-progress, --vero-renew, --size)
# put the window in the state to show. It uses a throw-away home
# directory, so it never touches the user's own vault or preferences.
#
# The environment may narrow or change the set:
#   SHOT_LANGUAGES  the languages, default "en sv nb fi"
#   SHOT_SIZE       the window's size, default 1280x800
#   SHOT_ONLY       a pattern (grep -E) the screen names must match, default all
#   SHOT_DISPLAY    the X display Xvfb runs on, default :97
#   SHOT_BIN        the folder holding motpart-desktop-shots and motpart, default ./bin
set -eu
out=${1:-docs/screenshots}
mkdir -p "$out"
bin=${SHOT_BIN:-$(pwd)/bin}
languages=${SHOT_LANGUAGES:-en sv nb fi}
size=${SHOT_SIZE:-1280x800}
only=${SHOT_ONLY:-.}
display=${SHOT_DISPLAY:-:97}
work=$(mktemp -d)
xvfb=""
cleanup() {
	[ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
export LANG=en_US.UTF-8 LC_ALL= FYNE_SCALE=1
mkdir -p "$HOME"
start=$(date +%s)

# One X server for the shots, larger than the window (so a window that will
# not shrink to the size asked shows whole); started
# again should it have gone away.
width=${size%x*} height=${size#*x}
xserver() {
	if [ -n "$xvfb" ] && kill -0 "$xvfb" 2>/dev/null && DISPLAY=$display xwininfo -root >/dev/null 2>&1; then
		return 0
	fi
	[ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null
	Xvfb "$display" -screen 0 "$((width + 640))x$((height + 640))x24" -nolisten tcp -noreset >/dev/null 2>&1 &
	xvfb=$!
	for _ in $(seq 1 20); do
		DISPLAY=$display xwininfo -root >/dev/null 2>&1 && return 0
		sleep 0.25
	done
	echo "screenshots: Xvfb did not start on $display" >&2
	exit 1
}

# shot NAME LANGUAGE [ARGS...] starts the window with ARGS in LANGUAGE and
# saves it as DIR/NAME-LANGUAGE.png; once more, on a new X server, if the
# window does not appear.
shot() {
	echo "$1" | grep -Eq "$only" || return 0
	xserver
	shot_once "$@" && return 0
	echo "screenshots: trying $1 in $2 again on a new X server" >&2
	[ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null
	xvfb=""
	xserver
	shot_once "$@" || exit 1
}

# shot_once NAME LANGUAGE [ARGS...] is one try of shot; it fails when the
# window does not appear.
shot_once() {
	name=$1 language=$2
	shift 2
	file="$out/$name-$language.png"
	rm -f "$work/ready"
	DISPLAY=$display LANGUAGE=$language "$bin/motpart-desktop-shots" --size "$size" --ready "$work/ready" "$@" >"$work/app.log" 2>&1 &
	app=$!
	id=""
	for _ in $(seq 1 40); do
		id=$(DISPLAY=$display xwininfo -root -tree 2>/dev/null | awk '/"Motpart"/ {print $1; exit}')
		[ -n "$id" ] && break
		sleep 0.25
	done
	# The window says when the lookup or import it was asked for is shown;
	# then one more second (SHOT_SETTLE) for it to be drawn.
	for _ in $(seq 1 120); do
		[ -e "$work/ready" ] && break
		sleep 0.25
	done
	sleep "${SHOT_SETTLE:-1}"
	if [ -z "$id" ]; then
		echo "screenshots: the window for $name in $language did not appear:" >&2
		head -5 "$work/app.log" >&2
		stop "$app"
		return 1
	fi
	sleep "${SHOT_WAIT:-0}"
	# A busy X server sometimes refuses the first read of the window, and a
	# window not drawn yet reads as one flat colour: try again.
	taken=""
	for _ in $(seq 1 10); do
		if DISPLAY=$display import -window "$id" "$file" 2>>"$work/import.log" &&
			[ "$(identify -format %k "$file" 2>/dev/null || echo 0)" -gt 1 ]; then
			taken=yes
			break
		fi
		sleep 1
	done
	if [ -z "$taken" ]; then
		echo "screenshots: could not read the drawn window for $name in $language:" >&2
		cat "$work/import.log" >&2
		stop "$app"
		exit 1
	fi
	echo "screenshots: $file"
	stop "$app"
}

# stop PID ends the window: politely, and after 5 s for good.
stop() {
	kill "$1" 2>/dev/null || true
	for _ in $(seq 1 20); do
		kill -0 "$1" 2>/dev/null || break
		sleep 0.25
	done
	kill -9 "$1" 2>/dev/null || true
	wait "$1" 2>/dev/null || true
}

# order_once NUMBER orders BankID's AML documents for NUMBER in the window,
# without a shot, and waits until the order is finished (or a minute).
order_once() {
	printf 'aml-documents\naml-sanctions\naml-bankid-se\nkyc-documents\n' | grep -Eq "$only" || return 0
	xserver
	rm -f "$work/ready"
	DISPLAY=$display LANGUAGE=en "$bin/motpart-desktop-shots" --vault "$vault" --size "$size" --ready "$work/ready" \
		--lookup "$1" --order-aml --order-now --order-wait >"$work/app.log" 2>&1 &
	app=$!
	for _ in $(seq 1 360); do
		[ -e "$work/ready" ] && break
		sleep 0.25
	done
	stop "$app"
}

# report_once NUMBER makes the KYC report of NUMBER in the window, in
# English, without a shot.
report_once() {
	printf 'kyc-documents\n' | grep -Eq "$only" || return 0
	xserver
	rm -f "$work/ready"
	DISPLAY=$display LANGUAGE=en "$bin/motpart-desktop-shots" --vault "$vault" --size "$size" --ready "$work/ready" \
		--lookup "$1" --kyc-report --kyc-make >"$work/app.log" 2>&1 &
	app=$!
	for _ in $(seq 1 120); do
		[ -e "$work/ready" ] && break
		sleep 0.25
	done
	stop "$app"
}

# every LANGUAGE-INDEPENDENT-ARGS: shot NAME in each language.
every() {
	name=$1
	shift
	for language in $languages; do
		shot "$name" "$language" "$@"
	done
}

vault="$work/vault.db"
password="sandbox screenshots"

# First start: no vault yet.
every create --vault "$vault"

# A vault with a few notes, made with the command line.
MOTPART_PASSWORD="$password" "$bin/motpart" --vault "$vault" vault init >/dev/null
MOTPART_PASSWORD="$password" "$bin/motpart" --vault "$vault" notes add 923609016 "Kunden har bytt revisor (från KPMG till PwC). Nytt avtal signerat." >/dev/null
MOTPART_PASSWORD="$password" "$bin/motpart" --vault "$vault" notes add 923609016 "Styret byttes i mars; hent ny firmaattest etter registrering." >/dev/null

# Certificate files as the registers send them, from a throw-away CA.
pki="$work/pki"
mkdir -p "$pki"
printf 'extendedKeyUsage=clientAuth\nkeyUsage=digitalSignature\n' >"$pki/client.ext"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$pki/ca.key" -out "$pki/ca.crt" -days 3650 \
	-subj "/O=Motpart Sandbox/CN=Motpart Sandbox CA" 2>/dev/null
# client NAME DAYS SUBJECT PASSWORD FILE makes one .pfx.
client() {
	openssl req -newkey rsa:2048 -nodes -keyout "$pki/$1.key" -out "$pki/$1.csr" -utf8 -subj "$3" 2>/dev/null
	openssl x509 -req -in "$pki/$1.csr" -CA "$pki/ca.crt" -CAkey "$pki/ca.key" -CAcreateserial \
		-out "$pki/$1.crt" -days "$2" -extfile "$pki/client.ext" 2>/dev/null
	openssl pkcs12 -export -inkey "$pki/$1.key" -in "$pki/$1.crt" -certfile "$pki/ca.crt" -out "$5" -passout "pass:$4"
}
scbfile="$pki/Certifikat_SokPaVar_A04711_2026-11-27 09-00-00Z.pfx"
client scb 476 "/C=SE/O=Exempelbyrån Redovisning AB/CN=Exempelbyrån Redovisning AB A04711" "Sommar-2026" "$scbfile"
client buypass 30 "/C=NO/O=EKSEMPELBYRÅ AS/CN=EKSEMPELBYRÅ AS/serialNumber=923609016" "pin-4711" "$pki/buypass.p12"
MOTPART_PASSWORD="$password" MOTPART_CERT_PASSWORD="pin-4711" "$bin/motpart" --vault "$vault" cert import --name "Maskinporten (Buypass)" "$pki/buypass.p12" >/dev/null

every unlock --vault "$vault"
export MOTPART_PASSWORD="$password"
every lookup-empty --vault "$vault" --screen lookup
# Numbers typed but not looked up: what the window says of each kind.
every lookup-typed-orgnr --vault "$vault" --screen lookup --search "923 609 016"
every lookup-typed-se --vault "$vault" --screen lookup --search "556074-7569"
every lookup-typed-fi --vault "$vault" --screen lookup --search "0116297-6"
every lookup-typed-invalid --vault "$vault" --screen lookup --search "811218-9875"
# Dossiers: a company with everything, its owners and ownership; a group
# with cross-holdings; a unit deleted after a merger; a sub-unit.
every lookup-dossier --vault "$vault" --lookup 311111116
every lookup-owners --vault "$vault" --lookup 311111116 --tab 1
every lookup-ownership --vault "$vault" --lookup 311111116 --tab 2
every lookup-ownership-cross --vault "$vault" --lookup 312222221 --tab 2
every lookup-merged --vault "$vault" --lookup 310322199
every lookup-subunit --vault "$vault" --lookup 310126144
# The registers cannot be reached: the last known data of an earlier lookup, dated.
down=https://127.0.0.1:1
SHOT_WAIT=6 MOTPART_BRREG_URL=$down MOTPART_GRUNNDATA_URL=$down MOTPART_RRH_URL=$down MOTPART_MASKINPORTEN_URL=$down \
	every lookup-unreachable --vault "$vault" --lookup 311111116
# A Finnish number BankID knows: PRH's open data answers, and BankID is
# asked only when documents are ordered, so it says "not asked".
every lookup-not-asked --vault "$vault" --lookup 1572860-0
# Finland: PRH's dossier of a Finnish company (names, EU ID, website).
every lookup-fi --vault "$vault" --lookup 0116297-6
every settings --vault "$vault" --screen settings
every certificates --vault "$vault" --screen certificates
every wizard-1-file --vault "$vault" --screen import
every wizard-2-password --vault "$vault" --import "$scbfile"
MOTPART_CERT_PASSWORD="Sommar-2026" every wizard-3-summary --vault "$vault" --import "$scbfile"
MOTPART_CERT_PASSWORD="Sommar-2026" every wizard-4-name --vault "$vault" --import "$scbfile" --import-to-name
# Sweden: SCB's dossier of a Swedish company, and Classify customers on a
# register of 20,000 customers drawn from the sandbox's Swedish units,
# their numbers as people type them (with and without the hyphen, with
# SCB's 16 in front, a wrong check digit now and then, some missing):
# without a sector file; then, once it is fetched, the file's first rows,
# a run held at an eighth, and the summary.
every lookup-se --vault "$vault" --lookup 556677-8899
customers="$work/kunder.csv"
awk 'BEGIN {
	srand(7)
	n = split("010923-4567 192003-4566 202100-9879 212000-6545 222000-3210 232100-7896 252000-1112 " \
		"252003-3339 302067-8904 502011-2230 504421-2347 516401-9878 516406-1235 517503-4569 " \
		"547201-2342 556074-7569 556543-2191 556999-0004 692004-1230 716432-1452 717912-3455 " \
		"750314-1231 769612-3459 769623-4561 769634-5672 769645-6784 802009-8763 802476-5433 " \
		"802512-3459 802587-6544 802678-9019 811218-9876 826543-2107 916523-4569 969654-3215 " \
		"969712-3454 556677-8899", nums, " ")
	t = split("Stockholm Göteborg Malmö Uppsala Västerås Örebro Linköping Umeå Södertälje Luleå", towns, " ")
	print "Kundnr;Namn;Organisationsnummer;Ort"
	for (i = 1; i <= 20000; i++) {
		num = nums[int(rand() * n) + 1]
		r = rand()
		if (r < 0.2) { gsub("-", "", num) }
		else if (r < 0.25) { gsub("-", "", num); num = "16" num }
		else if (r < 0.28) { num = substr(num, 1, 10) ((substr(num, 11, 1) + 1) % 10) }
		else if (r < 0.3) { num = "" }
		printf "%d;Kund %d AB;%s;%s\n", 10000 + i, 10000 + i, num, towns[int(rand() * t) + 1]
	}
}' >"$customers"
every classify-no-sector-file --vault "$vault" --screen classify
if printf 'classify-before\nclassify-during\nclassify-after\n' | grep -Eq "$only"; then
	xserver
	rm -f "$work/ready"
	DISPLAY=$display LANGUAGE=en "$bin/motpart-desktop-shots" --vault "$vault" --size "$size" --ready "$work/ready" \
		--classify-refresh >"$work/app.log" 2>&1 &
	app=$!
	for _ in $(seq 1 240); do
		[ -e "$work/ready" ] && break
		sleep 0.25
	done
	stop "$app"
fi
every classify-before --vault "$vault" --classify "$customers"
SHOT_SETTLE=0 every classify-during --vault "$vault" --classify "$customers" --classify-out "$work/kunder-ut.csv" --classify-pause 0.125
every classify-after --vault "$vault" --classify "$customers" --classify-out "$work/kunder-ut.csv"
# The client portfolio, in a vault of its own: the story's units of the
# sandbox and a Swedish and a Finnish company, checked once, then again
# with the sandbox's story three days on (all eight of its changes), so
# the changes show. The list
# and the Changes view at the full size and at 800x600; a check held
# midway (its progress shown; on a copy of the vault).
cvault="$work/clients.db"
MOTPART_PASSWORD="$password" "$bin/motpart" --vault "$cvault" vault init >/dev/null
ref=100
for n in 310583596 310465968 310492108 310531316 313333337 310609730 310596663 310191493 311111116 312222221 556677-8899 0116297-6; do
	ref=$((ref + 7))
	MOTPART_PASSWORD="$password" "$bin/motpart" --vault "$cvault" clients add --reference "K-$ref" --responsible "Kari Nordmann" "$n" >/dev/null
done
MOTPART_PASSWORD="$password" "$bin/motpart" --vault "$cvault" clients check >/dev/null 2>&1
MOTPART_PASSWORD="$password" MOTPART_SANDBOX_ADVANCE=75h "$bin/motpart" --vault "$cvault" clients check >/dev/null 2>&1
every clients --vault "$cvault" --screen clients
every clients-changes --vault "$cvault" --screen clients --clients-changes
every clients-800 --vault "$cvault" --screen clients --size 800x600
every clients-changes-800 --vault "$cvault" --screen clients --clients-changes --size 800x600
for language in $languages; do
	cp "$cvault" "$work/clients-run.db"
	SHOT_SETTLE=0 MOTPART_SANDBOX_ADVANCE=72h shot clients-check "$language" --vault "$work/clients-run.db" --clients-check --clients-hold 0.5
done
rm -f "$work/clients-run.db"
# The About box over Settings (version, revision, the vault file, modules).
every about --vault "$cvault" --about
# The light theme, to check it is as readable as the dark one.
export FYNE_THEME=light
every lookup-dossier-light --vault "$vault" --lookup 311111116
every lookup-ownership-light --vault "$vault" --lookup 312222221 --tab 2
unset FYNE_THEME
# AML documents from BankID's sandbox: the order dialog; the progress strip
# while an order is prepared (on a copy of the vault each time, as the
# window is closed with the order unfinished); the Documents tab and
# BankID's data with a sanctions hit, of orders placed once beforehand.
# Last, so the shots above show no BankID data.
export MOTPART_PASSWORD="$password"
every aml-order --vault "$vault" --lookup 311111116 --order-aml
for language in $languages; do
	cp "$vault" "$work/vault-progress.db"
	# taken at once: the sandbox prepares an order in two polls, some 2 s
	SHOT_SETTLE=0 shot aml-progress "$language" --vault "$work/vault-progress.db" --lookup 311111116 --order-aml --order-now
done
rm -f "$work/vault-progress.db"
order_once 311111116
order_once 310583596
order_once 556789-0123
every aml-documents --vault "$vault" --lookup 311111116 --tab 3
every aml-sanctions --vault "$vault" --lookup 310583596
every aml-bankid-se --vault "$vault" --lookup 556789-0123
# The KYC report: its dialog, and the Documents tab with a report made
# once beforehand beside the AML documents ordered above.
"$bin/motpart" --vault "$vault" settings set report.firm "Eksempelbyrå AS" >/dev/null
"$bin/motpart" --vault "$vault" settings set report.person "Kari Nordmann" >/dev/null
report_once 311111116
every kyc-dialog --vault "$vault" --lookup 311111116 --kyc-report
every kyc-documents --vault "$vault" --lookup 311111116 --tab 3
# Finland: ordering the Incomes Register certificate from Vero, step by
# step and while Vero prepares it; then renewing one that ends in 20 days,
# which the banner names and offers to renew (imported last, so the shots
# above keep their banner). Nothing is sent:
# the window shows the state of the second attempt.
every vero-order-1 --vault "$vault" --vero-order 1
every vero-order-2 --vault "$vault" --vero-order 2
every vero-order-3 --vault "$vault" --vero-order 3
every vero-order-4 --vault "$vault" --vero-order 4
every vero-order-progress --vault "$vault" --vero-order 4 --vero-progress
client ir 20 "/C=FI/O=Esimerkki Oy/CN=0116297-6" "Tulo-2026" "$pki/tulorekisteri.p12"
MOTPART_CERT_PASSWORD="Tulo-2026" "$bin/motpart" --vault "$vault" cert import --name "Tulorekisteri 0116297-6" "$pki/tulorekisteri.p12" >/dev/null
every vero-renew --vault "$vault" --vero-renew "Tulorekisteri 0116297-6"
unset MOTPART_PASSWORD
echo "screenshots: done in $(($(date +%s) - start)) s"
