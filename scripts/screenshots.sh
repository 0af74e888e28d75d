#!/bin/sh
# screenshots.sh DIR starts the real Motpart window under Xvfb once for each
# screen and saves a PNG of it in DIR. It runs bin/motpart-desktop-shots,
# the window built with the screenshots tag (`make screenshots` builds it),
# whose extra flags (--screen, --search, --lookup, --tab, --import,
# --import-to-name) put the window in the state to show. It uses a throw-away home directory,
# so it never touches the user's own vault or preferences.
set -eu
out=${1:-docs/screenshots}
mkdir -p "$out"
bin=$(pwd)/bin
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
export LANG=en_US.UTF-8 LC_ALL= FYNE_SCALE=1
mkdir -p "$HOME"
display=:97

# shot NAME LANGUAGE [ARGS...] starts the window with ARGS in LANGUAGE and
# saves it as DIR/NAME.png.
shot() {
	name=$1 language=$2
	shift 2
	Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
	xvfb=$!
	sleep 1
	DISPLAY=$display LANGUAGE=$language "$bin/motpart-desktop-shots" "$@" >"$work/app.log" 2>&1 &
	app=$!
	id=""
	for _ in $(seq 1 40); do
		id=$(DISPLAY=$display xwininfo -root -tree 2>/dev/null | awk '/"Motpart"/ {print $1; exit}')
		[ -n "$id" ] && break
		sleep 0.25
	done
	sleep 2
	if [ -z "$id" ]; then
		echo "screenshots: the window for $name did not appear:" >&2
		cat "$work/app.log" >&2
		kill "$app" "$xvfb" 2>/dev/null || true
		exit 1
	fi
	sleep "${SHOT_WAIT:-0}"
	DISPLAY=$display import -window "$id" "$out/$name.png"
	echo "screenshots: $out/$name.png"
	kill "$app" 2>/dev/null || true
	wait "$app" 2>/dev/null || true
	kill "$xvfb" 2>/dev/null || true
	wait "$xvfb" 2>/dev/null || true
}

vault="$work/vault.db"
password="sandbox screenshots"

# First start: no vault yet.
shot create en --vault "$vault"

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

shot unlock en --vault "$vault"
export MOTPART_PASSWORD="$password"
shot lookup-empty en --vault "$vault" --screen lookup
shot lookup-notes en --vault "$vault" --screen lookup --search "923 609 016"
shot lookup-valid en --vault "$vault" --screen lookup --search "556074-7569"
shot lookup-invalid-sv sv --vault "$vault" --screen lookup --search "811218-9875"
shot lookup-nb nb --vault "$vault" --screen lookup --search "923 609 016"
shot lookup-fi fi --vault "$vault" --screen lookup --search "0116297-6"
shot lookup-dossier en --vault "$vault" --lookup 311111116
shot lookup-owners en --vault "$vault" --lookup 311111116 --tab 1
shot lookup-ownership en --vault "$vault" --lookup 311111116 --tab 2
shot lookup-ownership-cross sv --vault "$vault" --lookup 312222221 --tab 2
shot lookup-dossier-nb nb --vault "$vault" --lookup 310322199
shot lookup-subunit-fi fi --vault "$vault" --lookup 310126144
# The registers cannot be reached: the last known data of an earlier lookup, dated.
down=https://127.0.0.1:1
SHOT_WAIT=6 MOTPART_BRREG_URL=$down MOTPART_GRUNNDATA_URL=$down MOTPART_RRH_URL=$down MOTPART_MASKINPORTEN_URL=$down \
	shot lookup-unreachable-sv sv --vault "$vault" --lookup 311111116
# A Swedish number: no register is connected for Sweden yet, so none is asked.
shot lookup-not-asked en --vault "$vault" --lookup 5560747569
shot settings en --vault "$vault" --screen settings
shot certificates en --vault "$vault" --screen certificates
shot wizard-1-file en --vault "$vault" --screen import
shot wizard-2-password en --vault "$vault" --import "$scbfile"
MOTPART_CERT_PASSWORD="Sommar-2026" shot wizard-3-summary en --vault "$vault" --import "$scbfile"
MOTPART_CERT_PASSWORD="Sommar-2026" shot wizard-4-name en --vault "$vault" --import "$scbfile" --import-to-name
MOTPART_CERT_PASSWORD="Sommar-2026" shot wizard-3-summary-sv sv --vault "$vault" --import "$scbfile"
# The light theme, to check it is as readable as the dark one.
export FYNE_THEME=light
shot lookup-dossier-light en --vault "$vault" --lookup 311111116
shot lookup-ownership-light en --vault "$vault" --lookup 312222221 --tab 2
unset FYNE_THEME MOTPART_PASSWORD
