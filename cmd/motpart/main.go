// Command motpart is Motpart's command line. It needs no display and no cgo:
//
//	motpart ident check [--country no|se|fi] [--json] [--test-data] [--duns] VALUE...
//
// Run `motpart help` for every command.
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.LookupEnv))
}

// Exit statuses shared by every command.
const (
	exitOK     = 0
	exitFailed = 1
	exitUsage  = 2
)

// usage is the overview `motpart help` prints.
const usage = `Motpart: certificates, company lookups and AML documents for Nordic accounting firms.

Usage:
  motpart ident check [--country no|se|fi] [--json] [--test-data] [--duns] VALUE...
      Say what each number is and whether it is valid.
      Exit status 0 when all are valid, 1 when any is not, 2 on a usage error.

  motpart [--vault PATH] vault init | info [--json] | passwd | audit [--json] | repair
      Create the vault, describe it (no password needed, never its contents),
      change its password, show its audit log and whether the chain is intact,
      or open a damaged vault from its header's copy (the repair is logged).

  motpart [--vault PATH] notes add ORGNR TEXT | list [--json] ORGNR | edit ORGNR ID TEXT | remove ORGNR ID
      The firm's dated notes on a client, kept in the vault.

  motpart cert inspect [--json] FILE
      Say what a .pfx/.p12 file is, whom it belongs to and which registers it serves.
      Needs no vault; the file's password comes from $MOTPART_CERT_PASSWORD or a prompt.

  motpart [--vault PATH] cert import [--name NAME] FILE | list [--json] | export NAME OUT.pfx | remove NAME
      Keep certificates in the vault (the file's password from
      $MOTPART_CERT_PASSWORD or a prompt); export one with a new password
      ($MOTPART_NEW_PASSWORD or a prompt) to move it to another computer.

  motpart [--vault PATH] lookup [--json] [--env sandbox|test|production] NUMBER
      Ask every register about an organisation and print the dossier (saved in the
      vault). Swedish numbers go to SCB's business register, Finnish ones to PRH's
      open data. Exit status 1 when a source failed. $MOTPART_BRREG_URL,
      $MOTPART_GRUNNDATA_URL, $MOTPART_MASKINPORTEN_URL, $MOTPART_RRH_URL,
      $MOTPART_SCB_URL, $MOTPART_PRH_URL and
      $MOTPART_EXTRA_CA (a PEM file of extra trusted roots) change the registers'
      addresses for one run.

  motpart [--vault PATH] search [--json] [--env sandbox|test|production] NAME...
      Find organisations by name in Enhetsregisteret (units and sub-units, at most
      50). Exit status 1 when nothing is found or the register could not be asked.

  motpart [--vault PATH] rrh import [--date YYYY-MM-DD] FILE | refresh
      Import a full download of the Register of beneficial owners (totalbestand:
      zip of JSON or CSV, or the file itself) as the offline copy; lookups answer
      from it when the register cannot be reached. refresh brings the copy up to
      date from the register's change log.

  motpart [--vault PATH] aml order ORGNR [--country no|se|fi] [--reports aml,registration] [--wait] [--json]
      Order the AML report and the certificate of registration of a Norwegian,
      Swedish or Finnish organisation from BankID. The order is kept in the
      vault; with --wait, show progress and the documents stored (exit status 0
      when all are ready). Ctrl+C stops waiting, not the order.

  motpart [--vault PATH] aml status SESSION [--json]
      Ask BankID once about an order and store what is ready. Exit status 0 only
      when every part is ready.

  motpart [--vault PATH] aml documents ORGNR [--json] | save DOCUMENT --out FILE [--force]
      List the AML documents kept for an organisation (kind, dates, size,
      SHA-256, id), or write one to a file (never over an existing file
      without --force).

  motpart [--vault PATH] aml receive --listen ADDR [--cert FILE --key FILE]
      Receive BankID's webhooks on ADDR (HTTPS with the PEM certificate and key
      given, else plain HTTP behind a TLS proxy) and follow the vault's
      unfinished orders until Ctrl+C. The signature checked
      is the sandbox's own scheme (X-Sandbox-Signature, HMAC-SHA256 with the
      setting bankid.webhook_secret): BankID's real scheme is not known.

  motpart [--vault PATH] report ORGNR --out FILE.pdf [--lang en|sv|nb|fi] [--full-ids] [--bundle FILE.zip] [--force]
      Make the KYC report of an organisation looked up before (its dossier,
      owners and ownership graph, AML documents, notes and audit entries), keep
      it in the vault beside the AML documents and write it to FILE.pdf; with
      --bundle also write the KYC bundle (zip: the report, the AML documents
      and a manifest with each one's SHA-256). The language defaults to
      $LANGUAGE's or $LANG's when it is one of the four, else English;
      --full-ids prints personal identity numbers whole (audited). Never
      writes over an existing file without --force. The firm and the person
      printed on it are the settings report.firm and report.person.

  motpart [--vault PATH] scb sector-file [--refresh] [--json] [--env sandbox|test|production]
      Say how old the vault's copy of SCB's sector file (every Swedish unit's
      sector, legal form and owner category) is, or download a new one with
      the SCB certificate (setting scb.certificate) and keep it, encrypted, in
      the vault. $MOTPART_SCB_URL changes SCB's address for one run.

  motpart [--vault PATH] scb classify IN.{csv,xlsx} --out OUT.{csv,xlsx} [--column NAME] [--sector-file FILE] [--format csv|xlsx] [--json-summary] [--force]
      Classify a customer register (SCB's motpartsklassificering): each row
      gets its PeOrgNr, sector, legal form, owner category, SNI and a match
      status. The numbers' column is found unless named. The sector file is
      the vault's copy unless FILE names one (SCB's zip or its sektor.txt;
      then no vault is needed). Nothing is left at OUT when it fails or is
      stopped; an existing OUT is kept without --force.

  motpart [--vault PATH] clients import FILE [--column NAME|N] [--reference-column NAME|N] [--responsible-column NAME|N] [--json]
      Import the firm's clients from a CSV (",", ";" or tab; UTF-8, UTF-8 with
      BOM or Windows-1252) or XLSX file: the column of the Norwegian, Swedish
      or Finnish organisation numbers, the reference and the responsible person
      are found by their headers and contents unless named (by header or by
      number from 1). Every row is reported; the new clients are added all at
      once, none when it fails or is stopped. Exit status 1 when a row holds an
      invalid number or the import failed.

  motpart [--vault PATH] clients list [--json] [--risk low|medium|high] | add NUMBER [--reference R] [--responsible P]
                         | edit NUMBER [--reference R] [--responsible P] | remove NUMBER
      The firm's clients, kept in the vault, with their status and the risk
      flags of the last 30 days' changes (--risk: only those flagged at least
      that high). remove drops the client's snapshots and changes too.

  motpart [--vault PATH] clients check [--json]
      Check every client again in the registers (Norway through
      Enhetsregisteret's change feeds) and store what changed; an interrupted
      check goes on where it stopped.

  motpart [--vault PATH] clients changes [--since YYYY-MM-DD] [--risk low|medium|high] [--client NUMBER] [--json]
      The changes the checks found, newest first, with their risk and reason.

  motpart [--vault PATH] clients export --out FILE.{xlsx,csv} [--changes [--since D] [--risk L] [--client N]] [--force]
      Write the client list, or with --changes the change report, for the AML
      file: XLSX, or CSV as Excel opens it (UTF-8 with BOM, ";", CRLF). Nothing
      is left at FILE when it fails; an existing FILE is kept without --force.

  motpart [--vault PATH] settings set KEY VALUE | get KEY | list
      The settings Motpart keeps in the vault (secrets are never printed).

  motpart sandbox serve [--out DIR] [--scb-sector-file ZIP] [--scb-variant NAME]
      Run the local simulators in the foreground and print each one's address,
      the MOTPART_*_URL settings to use them, the demo credentials and
      certificates, and organisation numbers to try. SCB's simulator serves
      ZIP as its sector file when given, with the header variant NAME.

  motpart help
      Show this text.

The vault is --vault PATH, or $MOTPART_VAULT, or Motpart/vault.db in your
configuration folder. The password comes from $MOTPART_PASSWORD when it is
set, otherwise from a prompt; vault passwd takes the new one from
$MOTPART_NEW_PASSWORD or a prompt.
`

// run carries out one command line and returns the exit status. lookupEnv
// reads the environment (os.LookupEnv, or a map in tests).
func run(args []string, stdin io.Reader, stdout, stderr io.Writer, lookupEnv func(string) (string, bool)) int {
	args, vaultPath, err := extractVaultFlag(args)
	if err != nil {
		fmt.Fprintf(stderr, "motpart: %v\n", err)
		return exitUsage
	}
	if vaultPath == "" {
		vaultPath, _ = lookupEnv("MOTPART_VAULT")
	}
	if vaultPath == "" {
		if vaultPath, err = defaultVaultPath(); err != nil {
			fmt.Fprintf(stderr, "motpart: %v; give --vault PATH\n", err)
			return exitFailed
		}
	}
	s := &session{stdin: stdin, stdout: stdout, stderr: stderr, lookupEnv: lookupEnv, vaultPath: vaultPath}
	return s.dispatch(args)
}

// dispatch runs the command args names.
func (s *session) dispatch(args []string) int {
	stdout, stderr := s.stdout, s.stderr
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	case "ident":
		return runIdent(args[1:], stdout, stderr)
	case "vault":
		return s.runVault(args[1:])
	case "notes":
		return s.runNotes(args[1:])
	case "cert":
		return s.runCert(args[1:])
	case "lookup":
		return s.runLookup(args[1:])
	case "search":
		return s.runSearch(args[1:])
	case "settings":
		return s.runSettings(args[1:])
	case "sandbox":
		return s.runSandbox(args[1:])
	case "rrh":
		return s.runRRH(args[1:])
	case "aml":
		return s.runAML(args[1:])
	case "report":
		return s.runReport(args[1:])
	case "scb":
		return s.runSCB(args[1:])
	case "clients":
		return s.runClients(args[1:])
	}
	fmt.Fprintf(stderr, "motpart: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}
