package guikit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/problem"
)

// ProblemText says in the user's language what went wrong and what to do,
// by the error's problem code (problem.CodeOf): the window translates
// codes, it never reads a register's own error types or wire codes.
func ProblemText(err error) string {
	code := problem.CodeOf(err)
	switch code {
	case problem.CodeNoVault:
		return lang.L("There is no vault yet. Create one first.")
	case problem.CodeVaultExists:
		return lang.L("A vault already exists here. Unlock it instead.")
	case problem.CodeVaultInUse:
		return lang.L("This vault is open in another Motpart window or command. Close that one first, then try again.")
	case problem.CodeWrongPassword:
		return lang.L("The password is wrong. Check Caps Lock and the keyboard language, then try again.")
	case problem.CodeWeakParams:
		return lang.L("This vault file asks for weaker protection than Motpart allows. It may have been tampered with; restore it from a backup.")
	case problem.CodeVaultDamaged:
		return lang.L("The vault file is damaged or is not a Motpart vault. Restore it from a backup.")
	case problem.CodeVaultHeaderDamaged:
		return lang.L("The vault's header is damaged, but Motpart keeps a checked copy of it. Type the password and choose “Repair and open the vault” to open it from the copy, or restore the file from a backup.")
	case problem.CodeChangeLogNeedsV1:
		return lang.L("The register's change log, which keeps the offline copy fresh, is only in its v1 API, whose answers Motpart reads with a shape that is not confirmed. Choose that API (experimental) in Settings to refresh the copy, or import a new download.")
	case problem.CodeVaultLastChangeDamaged:
		return lang.L("The record of the vault's last change is damaged. Type the password and choose “Repair and open the vault” to open it as it was before that change (the change is lost), or restore the file from a backup.")
	case problem.CodeLocked:
		return lang.L("The vault is locked. Unlock it first.")
	case problem.CodePasswordShort:
		return lang.L("The password must have at least {{.Count}} characters.", map[string]any{"Count": problem.MinPasswordLen})
	case problem.CodeNotOrgNr:
		return lang.L("Notes can be kept only on a valid organisation number.")
	case problem.CodeNoteEmpty:
		return lang.L("Write something in the note first.")
	case problem.CodeNoteTooLong:
		return lang.L("The note is too long. Split it into several notes.")
	case problem.CodeNoteNotFound:
		return lang.L("That note no longer exists. It may have been removed in another window.")
	case problem.CodeCertNameTaken:
		return lang.L("A certificate with this name is already stored. Choose another name.")
	case problem.CodeCertName:
		return lang.L("Give the certificate a name of 1 to {{.Count}} characters.", map[string]any{"Count": problem.MaxCertNameLen})
	case problem.CodeCertNotFound:
		return lang.L("That certificate is no longer in the vault.")
	case problem.CodeNoCopy:
		return lang.L("There is no offline copy yet: import a download of the register first.")
	case problem.CodeEmptyImport:
		return lang.L("The download holds no registrations, so it was not imported. The offline copy is kept as it was.")
	case problem.CodeSmallerImport:
		return lang.L("The download holds far fewer organisations than the offline copy, so it did not replace it. The copy is kept as it was.")
	case problem.CodeNoAccess, problem.CodeRegisterFailed:
		// The register's own code, when it gave one, says more.
		if text := codeText(problem.CauseOf(err)); text != "" {
			return text
		}
		if code == problem.CodeNoAccess {
			return lang.L("Motpart may not ask the register. Check the register's account in Settings.")
		}
		return lang.L("The register could not be asked. Try again later; if it keeps happening, report it with the details.")
	case problem.CodeBadDownload:
		return lang.L("This file is not a download of the Register of beneficial owners that Motpart can read (a zip of JSON or CSV, or the file itself).")
	case problem.CodeCanceled:
		return lang.L("Cancelled.")
	case problem.CodeUnknownSetting:
		return lang.L("There is no setting with that name.")
	case problem.CodeBadSetting:
		return lang.L("The setting does not take this value. The details say which values it takes.")
	case problem.CodeNoDossier:
		return lang.L("This organisation has not been looked up yet. Look it up first.")
	}
	if text := codeText(code); text != "" {
		return text
	}
	return lang.L("Something went wrong. Try again; if it keeps happening, report it with the details.")
}

// ProblemDetails is the technical text of err, for a "Details" expander
// and for copying into a report, when ProblemText's words leave something
// out; "" when the words say it all. It is the program's own English (or a
// register's own words), never translated, so it is shown only on request.
func ProblemDetails(err error) string {
	if err == nil {
		return ""
	}
	switch code := problem.CodeOf(err); code {
	case problem.CodeNoAccess, problem.CodeRegisterFailed:
		if codeText(problem.CauseOf(err)) != "" {
			return ""
		}
		return err.Error()
	case problem.CodeBadSetting, problem.CodeInternal:
		return err.Error()
	default:
		if !problem.Known(code) {
			return err.Error()
		}
	}
	return ""
}

// codeText says in the user's language what a problem code means and what
// to do; "" for a code without words here (the use cases' own codes are
// in ProblemText).
func codeText(c problem.Code) string {
	switch c {
	case problem.CodeTimeout:
		return lang.L("The register did not answer in time. Try again in a moment.")
	case problem.CodeUnreachable:
		return lang.L("Motpart could not reach the register. Check the internet connection, or the address in Settings.")
	case problem.CodeTLSFailed:
		return lang.L("The register's certificate could not be verified, so Motpart did not send anything. Check the address in Settings; behind a company proxy, add its root certificate.")
	case problem.CodeRateLimited:
		return lang.L("The register asks Motpart to slow down. Wait a minute and try again.")
	case problem.CodeRegisterUnavailable:
		return lang.L("The register is temporarily unavailable. Try again later.")
	case problem.CodeRegisterServerError:
		return lang.L("The register had an internal error. Try again later.")
	case problem.CodeUnexpectedStatus:
		return lang.L("The register answered in a way Motpart does not expect. Try again later; if it keeps happening, report it.")
	case problem.CodeAnswerTooLarge:
		return lang.L("The register's answer was larger than Motpart accepts, so it was not used. Try again; if it keeps happening, report it.")
	case problem.CodeAnswerCutOff:
		return lang.L("The register's answer was cut off before the end, so it was not used. Try again.")
	case problem.CodeRedirected:
		return lang.L("The register sent Motpart to another address, which Motpart does not follow. Check the register's address in Settings.")
	case problem.CodeUnreadableAnswer:
		return lang.L("The register answered with data Motpart could not read, so none of it is shown. Try again later; if it keeps happening, report it.")
	case problem.CodeAddressInvalid:
		return lang.L("The register's address in Settings is not valid. Correct it in Settings.")
	case problem.CodeUnitNotFound:
		return lang.L("The register has no unit with this number. Check the number.")
	case problem.CodeRemovedFromOpenData:
		return lang.L("The unit has been removed from the register's open data, so its details cannot be shown. This does not mean that it was never registered.")
	case problem.CodeInvalidNumber:
		return lang.L("This is not a valid organisation number: it must have 9 digits and a correct check digit.")
	case problem.CodeInvalidQuery:
		return lang.L("The register cannot make this search. Change the search and try again.")
	case problem.CodeRequestRejected:
		return lang.L("The register rejected the request. Try again later; if it keeps happening, check the register's address in Settings.")
	case problem.CodeCredentialsUnsendable:
		return lang.L("The grunndataWS user id or password holds characters that cannot be sent. Check the grunndataWS account in Settings.")
	case problem.CodeNoGrunndataAccount:
		return lang.L("grunndataWS needs a contract account with Brønnøysund: add its user id and password in Settings.")
	case problem.CodeCountryNotConnected:
		return lang.L("Motpart has no register for this country connected yet.")
	case problem.CodePersonalNumber:
		return lang.L("This is a person's identity number. Motpart looks up organisations: type the organisation number of the person's company, or search by the company's name.")
	case problem.CodeNameTooShort:
		return lang.L("Type at least two letters of the name to search.")
	case problem.CodeNoHits:
		return lang.L("No company with this name was found. Check the spelling, or search with fewer words.")
	case problem.CodeRegisterError:
		return lang.L("The register reported an error. Try again later; if it keeps happening, report it.")
	case problem.CodeUnknownStatus:
		return lang.L("The register answered with a status Motpart does not know. Try again later; if it keeps happening, report it.")
	case problem.CodeRolesUnread:
		return lang.L("The roles could not be read, so none are shown from this register; the rest of its answer is shown.")
	case problem.CodeSubUnitsUnread:
		return lang.L("The list of sub-units could not be read, so none are shown from this register; the rest of its answer is shown.")
	case problem.CodeContactDataUnread:
		return lang.L("The contact data (phone, e-mail, website) could not be read, so none are shown from this register; the rest of its answer is shown.")
	case problem.CodeDataReturned:
		return lang.L("Data returned.")
	case problem.CodeUnitDeletedDuplicate:
		return lang.L("The unit is deleted as a duplicate; the correct unit is registered instead.")
	case problem.CodeUnitDeletedMerged:
		return lang.L("The unit is deleted after a merger; the correct unit is registered instead.")
	case problem.CodeRegistrationUnitOf:
		return lang.L("The unit named is the registration unit of the unit asked for.")
	case problem.CodeNoNumberGiven:
		return lang.L("No organisation number was given.")
	case problem.CodeInputRejected:
		return lang.L("The request was not valid.")
	case problem.CodeUnitNeverRegistered:
		return lang.L("No unit with this number was ever registered.")
	case problem.CodeUnitDeleted:
		return lang.L("The unit is deleted.")
	case problem.CodeUnitReplacementDeleted:
		return lang.L("The unit is deleted as a duplicate or after a merger, and the unit that replaced it is deleted too.")
	case problem.CodeUnitIsSubUnit:
		return lang.L("This is a sub-unit (bedrift/virksomhet); its legal unit is named below.")
	case problem.CodeNotNumberOrPersonID:
		return lang.L("The input is neither an organisation number nor a national identity number.")
	case problem.CodePersonNotFound:
		return lang.L("The person is not in the register.")
	case problem.CodePersonDeceased:
		return lang.L("The person is registered as deceased.")
	case problem.CodePersonInvalid:
		return lang.L("The person is registered as invalid.")
	case problem.CodePersonHasGuardian:
		return lang.L("The person has a guardian.")
	case problem.CodeUnitNotSubUnit:
		return lang.L("The unit is not a sub-unit.")
	case problem.CodeUnitIsRegistrationUnit:
		return lang.L("The unit asked for is a registration unit.")
	case problem.CodeNotInVoluntaryRegister:
		return lang.L("The unit is not in the Register of Non-Profit Organisations.")
	case problem.CodeNoChanges:
		return lang.L("No changes in the last period.")
	case problem.CodeNoBusinessAddress:
		return lang.L("No business address registered.")
	case problem.CodeNoPostalAddress:
		return lang.L("No postal address registered.")
	case problem.CodeNoAddress:
		return lang.L("No address registered.")
	case problem.CodeNoFoundationDate:
		return lang.L("No date of foundation registered.")
	case problem.CodeNoWrittenStandard:
		return lang.L("No written standard (målform) registered.")
	case problem.CodeNoAdvertising:
		return lang.L("No advertising information (reklame) registered.")
	case problem.CodeNoActivity:
		return lang.L("No activity or line of business registered.")
	case problem.CodeNoPurpose:
		return lang.L("No purpose registered.")
	case problem.CodeNoArticlesDate:
		return lang.L("No date of the articles of association registered.")
	case problem.CodeNoPhone:
		return lang.L("No phone number registered.")
	case problem.CodeNoFax:
		return lang.L("No fax number registered.")
	case problem.CodeNoMobile:
		return lang.L("No mobile number registered.")
	case problem.CodeNoEmail:
		return lang.L("No e-mail address registered.")
	case problem.CodeNoWebsite:
		return lang.L("No website registered.")
	case problem.CodeNoSpecialInformation:
		return lang.L("No special information registered.")
	case problem.CodeNoIndustryCode:
		return lang.L("No industry (NACE) code registered.")
	case problem.CodeNoSectorCode:
		return lang.L("No sector code registered.")
	case problem.CodeNoEmployees:
		return lang.L("No employees registered.")
	case problem.CodeNoCapital:
		return lang.L("No capital registered.")
	case problem.CodeNoSubUnits:
		return lang.L("No sub-units registered.")
	case problem.CodeNotInGroup:
		return lang.L("The unit is not part of a group.")
	case problem.CodeNoStartDate:
		return lang.L("No start date registered.")
	case problem.CodeNoOwnershipChangeDate:
		return lang.L("No date of change of ownership registered.")
	case problem.CodeNoMainEnterprise:
		return lang.L("No main enterprise registered.")
	case problem.CodeNoRoleBlock:
		return lang.L("Some sets of roles are not registered.")
	case problem.CodeNoVoluntaryRegisterData:
		return lang.L("No data from the Register of Non-Profit Organisations registered.")
	case problem.CodeSomethingNotRegistered:
		return lang.L("Some information is not registered.")
	case problem.CodeServiceNotAuthorised:
		return lang.L("The grunndataWS account is not authorised for this service. Ask Brønnøysund to extend the contract.")
	case problem.CodeWrongLogin:
		return lang.L("The grunndataWS user id or password is wrong. Check them in Settings.")
	case problem.CodeRegisterUnexpectedError:
		return lang.L("grunndataWS had an unexpected error. If it happens again, contact Brønnøysund.")
	case problem.CodeOwnersNotRegistered:
		return lang.L("The register has no beneficial owners for this company: either the company has not registered them, or it does not have to. Follow this up in the AML check.")
	case problem.CodeOwnersAccessRefused:
		return lang.L("The register refused the Maskinporten token: check that Brønnøysund has granted the scope chosen in Settings.")
	case problem.CodeOwnersTokenRejected:
		return lang.L("The register did not accept the Maskinporten token, even a new one. Check the Maskinporten environment and scope in Settings.")
	case problem.CodeNoMaskinportenClient:
		return lang.L("No Maskinporten client: enter the client id from Samarbeidsportalen in Settings.")
	case problem.CodeNoMaskinportenCertificate:
		return lang.L("No enterprise certificate for Maskinporten: import it under Certificates and choose it in Settings.")
	case problem.CodeDownloadWriteFailed:
		return lang.L("Motpart could not save the download. Check the free disk space, then try again.")
	case problem.CodeMPUnknownClient:
		return lang.L("Maskinporten does not know the client: the client id is unknown in this Maskinporten environment, or the grant is addressed to the wrong environment. Check the client id in Settings, and that test and production are not mixed up.")
	case problem.CodeMPWrongAudience:
		return lang.L("The grant is addressed to the wrong Maskinporten (its aud claim). Check the Maskinporten environment in Settings.")
	case problem.CodeMPCertificateRefused:
		return lang.L("Maskinporten does not accept the certificate the grant was signed with. A production certificate cannot be used in the test environment, nor a test certificate in production; check that the enterprise certificate is valid and meant for this environment.")
	case problem.CodeMPKeyExpired:
		return lang.L("The key registered on the Maskinporten client has expired (registered keys last one year). Register a new key on the client in Maskinporten's self-service portal, then update the key id in Settings.")
	case problem.CodeMPCertificateOtherOrg:
		return lang.L("This certificate belongs to another organisation than the Maskinporten client. Use the enterprise certificate of the organisation that owns the client, or a client registered by the certificate's organisation.")
	case problem.CodeMPCertificateUnreadable:
		return lang.L("Maskinporten could not read the certificate in the grant (the x5c header). Import the enterprise certificate again, with its full chain.")
	case problem.CodeMPBadSignature:
		return lang.L("The grant's signature is not valid: the private key does not match the certificate or the key registered on the client. Import the certificate and its private key again.")
	case problem.CodeMPGrantExpired:
		return lang.L("Maskinporten says the grant has expired. The clock of this computer is probably wrong: set the date and time to update automatically, then try again.")
	case problem.CodeMPInvalidValue:
		return lang.L("Maskinporten rejected a value in the token request. Check the client id and the scopes in Settings for typing errors, stray spaces or line breaks.")
	case problem.CodeMPGrantReused:
		return lang.L("Maskinporten says this grant was used before. Try again: Motpart signs a new grant for every request. If it keeps happening, report it.")
	case problem.CodeMPScopeNotOnClient:
		return lang.L("The scope is not registered on the Maskinporten client. Add the scope to the client in Maskinporten's self-service portal; if the scope is not offered there, ask Brønnøysund for the scope first.")
	case problem.CodeMPWrongClientType:
		return lang.L("The scope cannot be used with this kind of Maskinporten client (wrong integration type). Create a client of the Maskinporten (API consumer) type and add the scope to it.")
	case problem.CodeMPScopeNotGranted:
		return lang.L("Your organisation has not been given this scope. Ask Brønnøysund for the scope (for the Register of beneficial owners: opendata@brreg.no), then try again.")
	case problem.CodeMPScopeNotDelegated:
		return lang.L("The customer has not delegated this scope to your organisation. Ask the customer to delegate the API access to you in Altinn.")
	case problem.CodeMPAuthorizationDetails:
		return lang.L("Maskinporten rejected the authorisation details of the request (system user or consent). Motpart does not send them: report it.")
	case problem.CodeMPClockSkew:
		return lang.L("The clock of this computer is wrong: it is ahead of Maskinporten's. Set the date and time to update automatically, then try again.")
	case problem.CodeMPInvalidClient:
		return lang.L("Maskinporten does not know the client id. Check the client id in Settings (it is shown in Maskinporten's self-service portal).")
	case problem.CodeMPUnauthorizedClient:
		return lang.L("The Maskinporten client may not use this kind of grant. Check that the client is of the Maskinporten (API consumer) type.")
	case problem.CodeMPInvalidScope:
		return lang.L("Maskinporten does not accept the scopes asked for. Check the scopes in Settings, and ask Brønnøysund for the scope if your organisation has not been given it.")
	case problem.CodeMPAccessDenied:
		return lang.L("Maskinporten refused access to the scope. Ask Brønnøysund for the scope, or the customer to delegate it in Altinn.")
	case problem.CodeMPInvalidGrant:
		return lang.L("Maskinporten rejected the grant. Check the client id, the certificate and the computer's clock, then try again.")
	case problem.CodeMPInvalidRequest:
		return lang.L("Maskinporten rejected the token request as malformed. Check the client id and scopes in Settings; if it keeps happening, report it.")
	case problem.CodeMPUnsupportedGrant:
		return lang.L("This Maskinporten environment does not accept the JWT-bearer grant. Check the Maskinporten address in Settings.")
	case problem.CodeBankIDBadRequest:
		return lang.L("BankID rejected the request as malformed. Check the number and the country; if it keeps happening, report it.")
	case problem.CodeBankIDTokenRejected:
		return lang.L("BankID did not accept the access token. Check the BankID environment and client in Settings, then try again.")
	case problem.CodeBankIDForbidden:
		return lang.L("BankID refused access: the client may not use the AML service or the scope asked for. Ask BankID to enable it for your client.")
	case problem.CodeBankIDNotFound:
		return lang.L("BankID has no organisation with this number, or the order no longer exists. Check the number, or order again.")
	case problem.CodeBankIDConflict:
		return lang.L("BankID says the order is in a state that does not allow this. Wait a moment, then try again.")
	case problem.CodeBankIDInvalidClient:
		return lang.L("BankID does not know the client id or the secret is wrong. Check them in Settings.")
	case problem.CodeBankIDTokenRefused:
		return lang.L("BankID refused the token request. Check the client, the authentication method and the scopes in Settings.")
	case problem.CodeBankIDConfig:
		return lang.L("The BankID settings are incomplete or wrong. Check the client id, the secret and the addresses in Settings.")
	case problem.CodeBankIDInvalidIdentifier:
		return lang.L("This is not a valid organisation number for the country chosen: Norway has 9 digits, Sweden 10, Finland a business ID (1234567-8).")
	case problem.CodeBankIDSessionExpired:
		return lang.L("The order has expired: BankID keeps documents for 2 hours. Order them again.")
	case problem.CodeBankIDSessionFailed:
		return lang.L("BankID could not prepare the documents and cancelled the order. Try again later; if it keeps happening, contact BankID.")
	case problem.CodeBankIDReportNotPDF:
		return lang.L("BankID sent a document that is not a PDF, so it was not kept. Order again; if it keeps happening, report it.")
	case problem.CodeBankIDReportTooLarge:
		return lang.L("BankID sent a document larger than Motpart accepts, so it was not kept. Report it.")
	case problem.CodeBankIDNotConnected:
		return lang.L("BankID's AML service is not set up. Enter the BankID client in Settings, or use the sandbox.")
	case problem.CodeDocumentNotFound:
		return lang.L("This document is not in the vault. It may have been removed; order it again.")
	case problem.CodeAMLOrderNotFound:
		return lang.L("This order is not in the vault. Order the documents again.")
	case problem.CodeWebhookBadSignature:
		return lang.L("A notification was refused because its signature does not match. Check the webhook secret in Settings.")
	case problem.CodeSCBNotConnected:
		return lang.L("SCB's business register is not set up. Import the certificate SCB sent and choose it in Settings, or use the sandbox.")
	case problem.CodeSCBCertificateRefused:
		return lang.L("SCB refused the certificate. Check that the SCB certificate chosen in Settings is the one SCB sent and that it has not expired.")
	case problem.CodeSCBBadRequest:
		return lang.L("SCB rejected the request. SCB's own reason is shown beside; if it keeps happening, report it.")
	case problem.CodeSCBUnknownVariable:
		return lang.L("SCB does not know a variable or category in the request, or the subscription does not include it. SCB's own reason is shown beside.")
	case problem.CodeSCBInvalidValue:
		return lang.L("SCB rejected a value in the request, such as the organisation number. SCB's own reason is shown beside.")
	case problem.CodeSCBMaintenance:
		return lang.L("SCB's business register is closed for maintenance. Try again later.")
	case problem.CodeSCBTooManyRows:
		return lang.L("SCB gives at most 2,000 rows at a time, and more than that match. Narrow the search.")
	case problem.CodeSCBNotSubscribed:
		return lang.L("Not in your SCB subscription.")
	case problem.CodeSectorFileMissing:
		return lang.L("There is no copy of SCB's sector file in the vault. Download it, or choose a sector file.")
	case problem.CodeSectorFileUnreadable:
		return lang.L("The sector file could not be read: it is not SCB's zip or a sektor.txt with the expected columns.")
	case problem.CodeCustomerColumnNotFound:
		return lang.L("No column of the customer file holds organisation numbers, or the column chosen is not in it. Choose the column that holds the numbers.")
	case problem.CodeCustomerFileUnreadable:
		return lang.L("The customer file could not be read. Save it as CSV or Excel (.xlsx) and try again.")
	case problem.CodeOutputWriteFailed:
		return lang.L("The classified file could not be written, and nothing was left half-written. Check that there is room on the disk and that you may write to the folder.")
	case problem.CodeMPServerError:
		return lang.L("Maskinporten had an internal error. Try again later.")
	case problem.CodeMPUnavailable:
		return lang.L("Maskinporten is unavailable at the moment. Try again later.")
	case problem.CodeMPRefused:
		return lang.L("Maskinporten refused the token request. Check the client id, the scopes, the certificate and the computer's clock in Settings.")
	case problem.CodeMPConfig:
		return lang.L("Motpart could not make the Maskinporten request. Check the Maskinporten settings and the certificate chosen for it.")
	case problem.CodeClientExists:
		return lang.L("This company is already one of your clients.")
	case problem.CodeNotAClient:
		return lang.L("This company is not one of your clients. Add it from its dossier or import your client list.")
	case problem.CodeCheckRunning:
		return lang.L("A check of your clients is already running. Wait for it to finish, or pause it first.")
	case problem.CodeNoPendingCheck:
		return lang.L("There is no interrupted check to continue. Start a new check.")
	case problem.CodeFeedTooOld:
		return lang.L("The register no longer keeps its list of changes that far back. Every client is looked up again instead; this takes longer.")
	case problem.CodeImportNoNumberColumn:
		return lang.L("No column of this file holds organisation numbers. Choose the column with the numbers, or check that it is the right file.")
	case problem.CodeNotSandbox:
		return lang.L("This works only in the sandbox, the practice environment.")
	case problem.CodeVeroNotConnected:
		return lang.L("Vero's certificate service is not set up for this environment. Choose the test or production environment, or use the sandbox.")
	case problem.CodeVeroTransferIDUnknown:
		return lang.L("Vero does not know this TransferID. Check it against the secure e-mail from Vero, or order a new one in the Incomes Register e-service.")
	case problem.CodeVeroTransferPassword:
		return lang.L("Vero did not accept the TransferPassword: it is wrong or was used already. A TransferPassword works only once; order a new TransferID and password in the Incomes Register e-service.")
	case problem.CodeVeroCSRRejected:
		return lang.L("Vero refused the certificate request. Report it; Motpart makes the request itself.")
	case problem.CodeVeroRetrievalUnknown:
		return lang.L("Vero no longer knows this order. Order the certificate again with a new TransferID.")
	case problem.CodeVeroNotReady:
		return lang.L("Vero has not finished the certificate yet. Try again later; the order is kept and continues where it stopped.")
	case problem.CodeVeroRenewalRefused:
		return lang.L("Vero refused the renewal: the current certificate is not valid for it. Check that it has not expired; otherwise order a new certificate.")
	case problem.CodeVeroRenewalTooEarly:
		return lang.L("The certificate can be renewed only in the last 60 days of its validity. Renew it when the reminder comes.")
	case problem.CodeVeroWrongEnvironment:
		return lang.L("Vero says the environment does not match the address. Check the environment chosen (test or production).")
	case problem.CodeVeroError:
		return lang.L("Vero's certificate service reported an error. Vero's own words are shown beside; if it keeps happening, contact Vero.")
	case problem.CodeVeroBadSignature:
		return lang.L("The answer from the certificate service is not signed by Vero, so Motpart did not use it. Check the address; if it keeps happening, report it.")
	case problem.CodeVeroOrderPending:
		return lang.L("An earlier certificate order was sent and not finished. Continue that order first.")
	case problem.CodeVeroNoPendingOrder:
		return lang.L("There is no unfinished certificate order to continue.")
	case problem.CodeVeroNotRenewable:
		return lang.L("This certificate was not issued by Vero's certificate service, so Motpart cannot renew it. Order a new Incomes Register certificate instead.")
	case problem.CodeVeroOrderIncomplete:
		return lang.L("Enter the business ID, the company name, the TransferID and the TransferPassword from Vero's secure e-mail.")
	case problem.CodeCertNotPKCS12:
		return lang.L("This is not a certificate file (.pfx or .p12). Save the attachment from the register's e-mail and choose that file.")
	case problem.CodeCertDamaged:
		return lang.L("The file is damaged or incomplete. Save the attachment from the e-mail again, or ask the register to send the file again.")
	case problem.CodeCertWrongPassword:
		return lang.L("The password does not open this file. Check that it is the password that came with this certificate, and mind upper and lower case.")
	case problem.CodeCertNoPrivateKey:
		return lang.L("The file holds certificates but not the private key, so Motpart cannot sign in with it. Ask for the file that contains the key.")
	case problem.CodeCertKeyMismatch:
		return lang.L("The key in the file does not belong to its certificate. Ask the register for a new file.")
	case problem.CodeCertExpired:
		return lang.L("This certificate has expired. Order a new one from the register; an expired certificate cannot be used.")
	case problem.CodeCertNotYetValid:
		return lang.L("This certificate is not valid yet. Import it on or after the date it becomes valid.")
	}
	return ""
}

// ShowProblem shows err over h's window in a dialog: ProblemText's words
// and, when ProblemDetails has more, a Details expander with the technical
// text and a button that copies it for a report.
func ShowProblem(h *Host, err error) {
	content := container.NewVBox(WrapLabel(ProblemText(err)))
	if details := ProblemDetailsView(h, err); details != nil {
		content.Add(details)
	}
	d := dialog.NewCustom(lang.L("Error"), lang.L("Close"), content, h.Win)
	d.Resize(fyne.NewSize(480, content.MinSize().Height+120))
	d.Show()
}

// ProblemDetailsView is a closed "Details" expander holding
// ProblemDetails(err) and a button that copies it to the clipboard, or nil
// when the words say it all. Screens put it under a problem's words.
func ProblemDetailsView(h *Host, err error) fyne.CanvasObject {
	text := ProblemDetails(err)
	if text == "" {
		return nil
	}
	copyButton := widget.NewButtonWithIcon(lang.L("Copy details"), theme.ContentCopyIcon(), func() {
		h.Activity()
		h.App.Clipboard().SetContent(text)
	})
	body := container.NewVBox(WrapLabel(text), container.NewHBox(copyButton))
	return widget.NewAccordion(widget.NewAccordionItem(lang.L("Details"), body))
}
