// Code names for everything a register, Maskinporten, the transport or a
// certificate can answer. The English words are in texts; every screen and
// the command line translate the codes. This file is long because it is
// one table: one line a code.

package problem

// Transport failures: the connection to a register, whatever the register
// (internal/registry/transport maps its kinds to these).
const (
	CodeTimeout             Code = "timeout"               // the register did not answer in time
	CodeUnreachable         Code = "unreachable"           // the register could not be reached (DNS, refused, reset)
	CodeTLSFailed           Code = "tls_failed"            // the secure connection could not be verified or was refused
	CodeRateLimited         Code = "rate_limited"          // the register kept answering 429: slow down
	CodeRegisterUnavailable Code = "register_unavailable"  // the register is temporarily unavailable (502, 503, 504)
	CodeRegisterServerError Code = "register_server_error" // the register had an internal error (other 5xx)
	CodeUnexpectedStatus    Code = "unexpected_status"     // an HTTP status the client does not expect
	CodeAnswerTooLarge      Code = "answer_too_large"      // the answer is larger than Motpart accepts
	CodeAnswerCutOff        Code = "answer_cut_off"        // the answer ended before its end
	CodeRedirected          Code = "redirected"            // the register sent Motpart elsewhere; redirects are not followed
	CodeUnreadableAnswer    Code = "unreadable_answer"     // the answer could not be read, or holds no recognisable data
	CodeAddressInvalid      Code = "address_invalid"       // the register's address in the settings is not a valid URL
)

// Answers of a register that are not about one status table: Enhetsregisteret,
// grunndataWS as a service, and what the use cases say about the registers.
const (
	CodeUnitNotFound          Code = "unit_not_found"         // the register has no unit with the number (Enhetsregisteret 404)
	CodeRemovedFromOpenData   Code = "removed_from_open_data" // the unit is removed from the register's open data (Enhetsregisteret 410)
	CodeInvalidNumber         Code = "invalid_number"         // not a valid organisation number (said by Motpart or the register)
	CodeInvalidQuery          Code = "invalid_query"          // a search the register cannot answer
	CodeRequestRejected       Code = "request_rejected"       // the register rejected the request as such (a SOAP fault)
	CodeCredentialsUnsendable Code = "credentials_unsendable" // the grunndataWS user id or password holds characters that cannot be sent
	CodeNoGrunndataAccount    Code = "no_account"             // no grunndataWS account is set up
	CodeCountryNotConnected   Code = "country_not_connected"  // no register of the number's country is connected
	CodeRegisterError         Code = "register_error"         // the register reported an error it did not name
	CodeUnknownStatus         Code = "unknown_status"         // the register answered with a status Motpart does not know
	CodeRolesUnread           Code = "roles_unread"           // the unit was read, its roles could not be (the rest is shown)
	CodeSubUnitsUnread        Code = "sub_units_unread"       // the unit was read, its list of sub-units could not be (the rest is shown)
	CodeContactDataUnread     Code = "contact_data_unread"    // the unit was read, its contact data could not be (the rest is shown)
)

// The grunndataWS statuses of seed 002 ("Oppbygging grunndataWS"), named for
// what they mean to a user; the brreg client maps the wire numbers (in the
// comments) to these.
const (
	CodeDataReturned            Code = "data_returned"              // 0: data returned
	CodeUnitDeletedDuplicate    Code = "unit_deleted_duplicate"     // 1: the unit is deleted as a duplicate; the correct unit is registered
	CodeUnitDeletedMerged       Code = "unit_deleted_merged"        // 2: the unit is deleted after a merger; the correct unit is registered
	CodeRegistrationUnitOf      Code = "registration_unit_of"       // 3: the unit named is the registration unit of the unit asked for
	CodeNoNumberGiven           Code = "no_number_given"            // 10: no organisation number was given
	CodeInputRejected           Code = "input_rejected"             // 20: the register found an error in the input
	CodeUnitNeverRegistered     Code = "unit_never_registered"      // 100: no unit with the number was ever registered
	CodeUnitDeleted             Code = "unit_deleted"               // 110: the unit is deleted
	CodeUnitReplacementDeleted  Code = "unit_replacement_deleted"   // 120: deleted as a duplicate or merged, and the unit that replaced it is deleted too
	CodeUnitIsSubUnit           Code = "unit_is_sub_unit"           // 130: the unit is a sub-unit (bedrift/virksomhet); its legal unit is named
	CodeNotNumberOrPersonID     Code = "not_number_or_person_id"    // 160: the input is neither an organisation number nor a national identity number
	CodePersonNotFound          Code = "person_not_found"           // 180: the person is not in the register's database
	CodePersonDeceased          Code = "person_deceased"            // 181: the person is registered as deceased
	CodePersonInvalid           Code = "person_invalid"             // 182: the person is registered as invalid
	CodePersonHasGuardian       Code = "person_has_guardian"        // 183: the person has a guardian
	CodeUnitNotSubUnit          Code = "unit_not_sub_unit"          // 190: the unit is not a sub-unit
	CodeUnitIsRegistrationUnit  Code = "unit_is_registration_unit"  // 200: the unit asked for is a registration unit; no data is given for it
	CodeNotInVoluntaryRegister  Code = "not_in_voluntary_register"  // 210: the unit is not in the Register of Non-Profit Organisations
	CodeNoChanges               Code = "no_changes"                 // 2000: no changes in the last period (day or weekend)
	CodeNoBusinessAddress       Code = "no_business_address"        // 1010: no business address registered
	CodeNoPostalAddress         Code = "no_postal_address"          // 1020: no postal address registered
	CodeNoAddress               Code = "no_address"                 // 1030: no address registered
	CodeNoFoundationDate        Code = "no_foundation_date"         // 1060: no date of foundation registered
	CodeNoWrittenStandard       Code = "no_written_standard"        // 1070: no written standard (målform) registered
	CodeNoAdvertising           Code = "no_advertising"             // 1080: no advertising information (reklame) registered
	CodeNoActivity              Code = "no_activity"                // 1090: no activity or line of business registered
	CodeNoPurpose               Code = "no_purpose"                 // 1100: no purpose registered
	CodeNoArticlesDate          Code = "no_articles_date"           // 1111: no date of the articles of association registered
	CodeNoPhone                 Code = "no_phone"                   // 1115: no phone number registered
	CodeNoFax                   Code = "no_fax"                     // 1116: no fax number registered
	CodeNoMobile                Code = "no_mobile"                  // 1117: no mobile number registered
	CodeNoEmail                 Code = "no_email"                   // 1118: no e-mail address registered
	CodeNoWebsite               Code = "no_website"                 // 1119: no website registered
	CodeNoSpecialInformation    Code = "no_special_information"     // 1120: no special information registered
	CodeNoIndustryCode          Code = "no_industry_code"           // 1125: no industry (nace) code registered
	CodeNoSectorCode            Code = "no_sector_code"             // 1130: no sector code registered
	CodeNoEmployees             Code = "no_employees"               // 1135: no employees registered
	CodeNoCapital               Code = "no_capital"                 // 1140: no capital registered
	CodeNoSubUnits              Code = "no_sub_units"               // 1145: no sub-units registered
	CodeNotInGroup              Code = "not_in_group"               // 1150: the unit is not part of a group
	CodeNoStartDate             Code = "no_start_date"              // 1155: no start date registered
	CodeNoOwnershipChangeDate   Code = "no_ownership_change_date"   // 1160: no date of change of ownership registered
	CodeNoMainEnterprise        Code = "no_main_enterprise"         // 1165: no main enterprise registered
	CodeNoRoleBlock             Code = "no_role_block"              // 1180: some sets of roles are not registered
	CodeNoVoluntaryRegisterData Code = "no_voluntary_register_data" // 1190: no data from the register of non-profit organisations registered
	CodeSomethingNotRegistered  Code = "something_not_registered"   // a 1000–1999 code Motpart does not know: some information is not registered
	CodeServiceNotAuthorised    Code = "service_not_authorised"     // -100: the grunndataWS account is not authorised for the service
	CodeWrongLogin              Code = "wrong_login"                // -101: the grunndataWS user id or password is wrong
	CodeRegisterUnexpectedError Code = "register_unexpected_error"  // -1000: an unexpected error at the register
)

// Answers of the Register of beneficial owners (mapped in the rrh client)
// and what it needs to be asked.
const (
	CodeOwnersNotRegistered       Code = "owners_not_registered" // 404 from the owners register: nothing registered; the company has not registered, or need not
	CodeOwnersAccessRefused       Code = "owners_access_refused" // 403 from the owners register: the token or its scope is not accepted
	CodeOwnersTokenRejected       Code = "owners_token_rejected" // 401 from the owners register, even with a new token
	CodeNoMaskinportenClient      Code = "no_client"             // no Maskinporten client is set up
	CodeNoMaskinportenCertificate Code = "no_certificate"        // no enterprise certificate is chosen for Maskinporten
	CodeDownloadWriteFailed       Code = "download_write_failed" // a register download could not be written
)

// Maskinporten's refusals: its MP codes and OAuth errors (mapped in the
// maskinporten client).
const (
	CodeMPUnknownClient         Code = "maskinporten_unknown_client"         // MP-100: the client is unknown in this Maskinporten environment
	CodeMPWrongAudience         Code = "maskinporten_wrong_audience"         // MP-110: the grant is addressed to another Maskinporten (aud)
	CodeMPCertificateRefused    Code = "maskinporten_certificate_refused"    // MP-120: the certificate is not accepted in this environment
	CodeMPKeyExpired            Code = "maskinporten_key_expired"            // MP-121: the key registered on the client has expired
	CodeMPCertificateOtherOrg   Code = "maskinporten_certificate_other_org"  // MP-122: the certificate belongs to another organisation than the client
	CodeMPCertificateUnreadable Code = "maskinporten_certificate_unreadable" // MP-123: Maskinporten could not read the certificate (x5c)
	CodeMPBadSignature          Code = "maskinporten_bad_signature"          // MP-124: the grant's signature is not valid
	CodeMPGrantExpired          Code = "maskinporten_grant_expired"          // MP-130: the grant has expired (the computer's clock)
	CodeMPInvalidValue          Code = "maskinporten_invalid_value"          // MP-011: a value in the token request is rejected
	CodeMPGrantReused           Code = "maskinporten_grant_reused"           // MP-012: the grant was used before
	CodeMPScopeNotOnClient      Code = "maskinporten_scope_not_on_client"    // MP-200: the scope is not registered on the client
	CodeMPWrongClientType       Code = "maskinporten_wrong_client_type"      // MP-201: the scope cannot be used with this kind of client
	CodeMPScopeNotGranted       Code = "maskinporten_scope_not_granted"      // MP-250: the organisation has not been given the scope
	CodeMPScopeNotDelegated     Code = "maskinporten_scope_not_delegated"    // MP-251: the customer has not delegated the scope
	CodeMPAuthorizationDetails  Code = "maskinporten_authorization_details"  // MP-301, MP-302, MP-303: authorisation details (system user, consent) rejected
	CodeMPClockSkew             Code = "maskinporten_clock_skew"             // the grant's issue time is in Maskinporten's future
	CodeMPInvalidClient         Code = "maskinporten_invalid_client"         // OAuth invalid_client
	CodeMPUnauthorizedClient    Code = "maskinporten_unauthorized_client"    // OAuth unauthorized_client
	CodeMPInvalidScope          Code = "maskinporten_invalid_scope"          // OAuth invalid_scope
	CodeMPAccessDenied          Code = "maskinporten_access_denied"          // OAuth access_denied
	CodeMPInvalidGrant          Code = "maskinporten_invalid_grant"          // OAuth invalid_grant
	CodeMPInvalidRequest        Code = "maskinporten_invalid_request"        // OAuth invalid_request
	CodeMPUnsupportedGrant      Code = "maskinporten_unsupported_grant"      // OAuth unsupported_grant_type
	CodeMPServerError           Code = "maskinporten_server_error"           // OAuth server_error
	CodeMPUnavailable           Code = "maskinporten_unavailable"            // OAuth temporarily_unavailable
	CodeMPRefused               Code = "maskinporten_refused"                // a refusal Motpart does not recognise
	CodeMPConfig                Code = "maskinporten_config"                 // Motpart could not make the token request (configuration, signing)
)

// BankID's AML service (the Organization Async Session API; mapped in the
// bankid client).
const (
	CodeBankIDBadRequest        Code = "bankid_bad_request"        // 400: BankID rejected the request as malformed
	CodeBankIDTokenRejected     Code = "bankid_token_rejected"     // 401: BankID did not accept the access token
	CodeBankIDForbidden         Code = "bankid_forbidden"          // 403: the client may not use the AML service or scope
	CodeBankIDNotFound          Code = "bankid_not_found"          // 404: no such organisation or session
	CodeBankIDConflict          Code = "bankid_conflict"           // 409: the session is in a state that does not allow the request
	CodeBankIDInvalidClient     Code = "bankid_invalid_client"     // the OIDC provider does not know the client id or secret
	CodeBankIDTokenRefused      Code = "bankid_token_refused"      // the OIDC provider refused the token request otherwise (scope...)
	CodeBankIDConfig            Code = "bankid_config"             // the BankID settings are incomplete or wrong
	CodeBankIDInvalidIdentifier Code = "bankid_invalid_identifier" // not a valid organisation number of the country asked for
	CodeBankIDSessionExpired    Code = "bankid_session_expired"    // the session's 2-hour lifetime is over
	CodeBankIDSessionFailed     Code = "bankid_session_failed"     // BankID could not prepare the documents (FAILED)
	CodeBankIDReportNotPDF      Code = "bankid_report_not_pdf"     // a report that is not a PDF was refused
	CodeBankIDReportTooLarge    Code = "bankid_report_too_large"   // a report larger than the limit was refused
	CodeBankIDNotConnected      Code = "bankid_not_connected"      // no BankID client is configured for this environment
	CodeDocumentNotFound        Code = "document_not_found"        // no such AML document in the vault
	CodeAMLOrderNotFound        Code = "aml_order_not_found"       // no such AML order in the vault
	CodeWebhookBadSignature     Code = "webhook_bad_signature"     // a webhook whose signature does not check was refused
)

// SCB's Företagsregister (mapped in the scb client) and its sector file.
const (
	CodeSCBNotConnected        Code = "scb_not_connected"         // no SCB certificate is chosen for the business register
	CodeSCBCertificateRefused  Code = "scb_certificate_refused"   // SCB refused the client certificate (TLS or 403)
	CodeSCBBadRequest          Code = "scb_bad_request"           // 400: SCB rejected the request; its reason is kept beside
	CodeSCBUnknownVariable     Code = "scb_unknown_variable"      // 400: SCB does not know a variable, category or operator of the request
	CodeSCBInvalidValue        Code = "scb_invalid_value"         // 400: SCB rejected a value of the request (an organisation number, a status)
	CodeSCBMaintenance         Code = "scb_maintenance"           // 503: SCB's service is closed for maintenance
	CodeSCBTooManyRows         Code = "scb_too_many_rows"         // SCB gives at most 2,000 rows a fetch and more match
	CodeSCBNotSubscribed       Code = "scb_not_subscribed"        // SCB answered * for variables the subscription does not include
	CodeSectorFileMissing      Code = "sector_file_missing"       // the vault holds no copy of SCB's sector file
	CodeSectorFileUnreadable   Code = "sector_file_unreadable"    // the sector file is not SCB's zip or a sektor.txt with its columns
	CodeCustomerColumnNotFound Code = "customer_column_not_found" // no column of the customer file holds organisation or personal numbers, or the one named is missing
	CodeCustomerFileUnreadable Code = "customer_file_unreadable"  // the customer file is not a CSV or XLSX file Motpart can read
	CodeOutputWriteFailed      Code = "output_write_failed"       // the classified file could not be written (disk full, no permission)
)

// Vero's certificate service for the Incomes Register (mapped in the vero
// client). The PKI codes in the comments are the sandbox's own list
// (registries.md §2.3); Vero's real list is not public, so any other code
// is CodeVeroError with Vero's own words kept beside.
const (
	CodeVeroNotConnected      Code = "vero_not_connected"       // no certificate service is set up for this environment
	CodeVeroTransferIDUnknown Code = "vero_transfer_id_unknown" // PKI001 (sandbox): the TransferID is not known
	CodeVeroTransferPassword  Code = "vero_transfer_password"   // PKI002 (sandbox): the TransferPassword is wrong or was used already
	CodeVeroCSRRejected       Code = "vero_csr_rejected"        // PKI003 (sandbox): the certificate request was refused
	CodeVeroRetrievalUnknown  Code = "vero_retrieval_unknown"   // PKI004 (sandbox): the RetrievalId is not known
	CodeVeroNotReady          Code = "vero_not_ready"           // PKI005 (sandbox): the certificate is not ready, even after every try
	CodeVeroRenewalRefused    Code = "vero_renewal_refused"     // PKI006 (sandbox): the renewal's signature or certificate was refused
	CodeVeroRenewalTooEarly   Code = "vero_renewal_too_early"   // PKI007 (sandbox): renewal is only possible in the last 60 days
	CodeVeroWrongEnvironment  Code = "vero_wrong_environment"   // PKI008 (sandbox): the environment does not match the address
	CodeVeroError             Code = "vero_error"               // another error code from Vero; its words are kept beside
	CodeVeroBadSignature      Code = "vero_bad_signature"       // the answer's XML signature is missing or does not verify
	CodeVeroOrderPending      Code = "vero_order_pending"       // an earlier order was sent and not finished; resume it first
	CodeVeroNoPendingOrder    Code = "vero_no_pending_order"    // there is no unfinished order to resume
	CodeVeroNotRenewable      Code = "vero_not_renewable"       // the certificate is not an Incomes Register certificate from Vero
	CodeVeroOrderIncomplete   Code = "vero_order_incomplete"    // the business ID, company name, TransferID or password is missing
)

// The client portfolio (internal/portfolio, desk/clients*.go).
const (
	CodeClientExists         Code = "client_exists"           // the number is already one of the firm's clients
	CodeNotAClient           Code = "not_a_client"            // the number is not one of the firm's clients
	CodeCheckRunning         Code = "check_running"           // a check of the clients is already running
	CodeNoPendingCheck       Code = "no_pending_check"        // there is no interrupted check to resume
	CodeFeedTooOld           Code = "feed_too_old"            // the register no longer serves its change feed from the position asked
	CodeImportNoNumberColumn Code = "import_no_number_column" // no column of the import file holds organisation numbers
	CodeNotSandbox           Code = "not_sandbox"             // the action exists only in the sandbox
)

// Certificate problems (internal/certs maps its codes to these).
const (
	CodeCertNotPKCS12     Code = "cert_not_pkcs12"     // the file is not a PKCS#12 certificate file
	CodeCertDamaged       Code = "cert_damaged"        // the certificate file is damaged or cannot be read
	CodeCertWrongPassword Code = "cert_wrong_password" // the password does not open the certificate file
	CodeCertNoPrivateKey  Code = "cert_no_private_key" // the file holds certificates but no private key
	CodeCertKeyMismatch   Code = "cert_key_mismatch"   // the private key belongs to none of the certificates
	CodeCertExpired       Code = "cert_expired"        // the certificate has expired
	CodeCertNotYetValid   Code = "cert_not_yet_valid"  // the certificate is not valid yet
)

// texts holds the English words of every code above, in the order of
// Codes: what happened and what to do.
var texts = [...]struct {
	code Code
	en   string
}{
	{CodeTimeout, "The register did not answer in time. Try again in a moment."},
	{CodeUnreachable, "Motpart could not reach the register. Check the internet connection, or the address in Settings."},
	{CodeTLSFailed, "The register's certificate could not be verified, so Motpart did not send anything. Check the address in Settings; behind a company proxy, add its root certificate."},
	{CodeRateLimited, "The register asks Motpart to slow down. Wait a minute and try again."},
	{CodeRegisterUnavailable, "The register is temporarily unavailable. Try again later."},
	{CodeRegisterServerError, "The register had an internal error. Try again later."},
	{CodeUnexpectedStatus, "The register answered in a way Motpart does not expect. Try again later; if it keeps happening, report it."},
	{CodeAnswerTooLarge, "The register's answer was larger than Motpart accepts, so it was not used. Try again; if it keeps happening, report it."},
	{CodeAnswerCutOff, "The register's answer was cut off before the end, so it was not used. Try again."},
	{CodeRedirected, "The register sent Motpart to another address, which Motpart does not follow. Check the register's address in Settings."},
	{CodeUnreadableAnswer, "The register answered with data Motpart could not read, so none of it is shown. Try again later; if it keeps happening, report it."},
	{CodeAddressInvalid, "The register's address in Settings is not valid. Correct it in Settings."},
	{CodeUnitNotFound, "The register has no unit with this number. Check the number."},
	{CodeRemovedFromOpenData, "The unit has been removed from the register's open data, so its details cannot be shown. This does not mean that it was never registered."},
	{CodeInvalidNumber, "This is not a valid organisation number: it must have 9 digits and a correct check digit."},
	{CodeInvalidQuery, "The register cannot make this search. Change the search and try again."},
	{CodeRequestRejected, "The register rejected the request. Try again later; if it keeps happening, check the register's address in Settings."},
	{CodeCredentialsUnsendable, "The grunndataWS user id or password holds characters that cannot be sent. Check the grunndataWS account in Settings."},
	{CodeNoGrunndataAccount, "grunndataWS needs a contract account with Brønnøysund: add its user id and password in Settings."},
	{CodeCountryNotConnected, "Motpart has no register for this country connected yet."},
	{CodeRegisterError, "The register reported an error. Try again later; if it keeps happening, report it."},
	{CodeUnknownStatus, "The register answered with a status Motpart does not know. Try again later; if it keeps happening, report it."},
	{CodeRolesUnread, "The roles could not be read, so none are shown from this register; the rest of its answer is shown."},
	{CodeSubUnitsUnread, "The list of sub-units could not be read, so none are shown from this register; the rest of its answer is shown."},
	{CodeContactDataUnread, "The contact data (phone, e-mail, website) could not be read, so none are shown from this register; the rest of its answer is shown."},
	{CodeDataReturned, "Data returned."},
	{CodeUnitDeletedDuplicate, "The unit is deleted as a duplicate; the correct unit is registered instead."},
	{CodeUnitDeletedMerged, "The unit is deleted after a merger; the correct unit is registered instead."},
	{CodeRegistrationUnitOf, "The unit named is the registration unit of the unit asked for."},
	{CodeNoNumberGiven, "No organisation number was given."},
	{CodeInputRejected, "The request was not valid."},
	{CodeUnitNeverRegistered, "No unit with this number was ever registered."},
	{CodeUnitDeleted, "The unit is deleted."},
	{CodeUnitReplacementDeleted, "The unit is deleted as a duplicate or after a merger, and the unit that replaced it is deleted too."},
	{CodeUnitIsSubUnit, "This is a sub-unit (bedrift/virksomhet); its legal unit is named below."},
	{CodeNotNumberOrPersonID, "The input is neither an organisation number nor a national identity number."},
	{CodePersonNotFound, "The person is not in the register."},
	{CodePersonDeceased, "The person is registered as deceased."},
	{CodePersonInvalid, "The person is registered as invalid."},
	{CodePersonHasGuardian, "The person has a guardian."},
	{CodeUnitNotSubUnit, "The unit is not a sub-unit."},
	{CodeUnitIsRegistrationUnit, "The unit asked for is a registration unit."},
	{CodeNotInVoluntaryRegister, "The unit is not in the Register of Non-Profit Organisations."},
	{CodeNoChanges, "No changes in the last period."},
	{CodeNoBusinessAddress, "No business address registered."},
	{CodeNoPostalAddress, "No postal address registered."},
	{CodeNoAddress, "No address registered."},
	{CodeNoFoundationDate, "No date of foundation registered."},
	{CodeNoWrittenStandard, "No written standard (målform) registered."},
	{CodeNoAdvertising, "No advertising information (reklame) registered."},
	{CodeNoActivity, "No activity or line of business registered."},
	{CodeNoPurpose, "No purpose registered."},
	{CodeNoArticlesDate, "No date of the articles of association registered."},
	{CodeNoPhone, "No phone number registered."},
	{CodeNoFax, "No fax number registered."},
	{CodeNoMobile, "No mobile number registered."},
	{CodeNoEmail, "No e-mail address registered."},
	{CodeNoWebsite, "No website registered."},
	{CodeNoSpecialInformation, "No special information registered."},
	{CodeNoIndustryCode, "No industry (NACE) code registered."},
	{CodeNoSectorCode, "No sector code registered."},
	{CodeNoEmployees, "No employees registered."},
	{CodeNoCapital, "No capital registered."},
	{CodeNoSubUnits, "No sub-units registered."},
	{CodeNotInGroup, "The unit is not part of a group."},
	{CodeNoStartDate, "No start date registered."},
	{CodeNoOwnershipChangeDate, "No date of change of ownership registered."},
	{CodeNoMainEnterprise, "No main enterprise registered."},
	{CodeNoRoleBlock, "Some sets of roles are not registered."},
	{CodeNoVoluntaryRegisterData, "No data from the Register of Non-Profit Organisations registered."},
	{CodeSomethingNotRegistered, "Some information is not registered."},
	{CodeServiceNotAuthorised, "The grunndataWS account is not authorised for this service. Ask Brønnøysund to extend the contract."},
	{CodeWrongLogin, "The grunndataWS user id or password is wrong. Check them in Settings."},
	{CodeRegisterUnexpectedError, "grunndataWS had an unexpected error. If it happens again, contact Brønnøysund."},
	{CodeOwnersNotRegistered, "The register has no beneficial owners for this company: either the company has not registered them, or it does not have to. Follow this up in the AML check."},
	{CodeOwnersAccessRefused, "The register refused the Maskinporten token: check that Brønnøysund has granted the scope chosen in Settings."},
	{CodeOwnersTokenRejected, "The register did not accept the Maskinporten token, even a new one. Check the Maskinporten environment and scope in Settings."},
	{CodeNoMaskinportenClient, "No Maskinporten client: enter the client id from Samarbeidsportalen in Settings."},
	{CodeNoMaskinportenCertificate, "No enterprise certificate for Maskinporten: import it under Certificates and choose it in Settings."},
	{CodeDownloadWriteFailed, "Motpart could not save the download. Check the free disk space, then try again."},
	{CodeMPUnknownClient, "Maskinporten does not know the client: the client id is unknown in this Maskinporten environment, or the grant is addressed to the wrong environment. Check the client id in Settings, and that test and production are not mixed up."},
	{CodeMPWrongAudience, "The grant is addressed to the wrong Maskinporten (its aud claim). Check the Maskinporten environment in Settings."},
	{CodeMPCertificateRefused, "Maskinporten does not accept the certificate the grant was signed with. A production certificate cannot be used in the test environment, nor a test certificate in production; check that the enterprise certificate is valid and meant for this environment."},
	{CodeMPKeyExpired, "The key registered on the Maskinporten client has expired (registered keys last one year). Register a new key on the client in Maskinporten's self-service portal, then update the key id in Settings."},
	{CodeMPCertificateOtherOrg, "This certificate belongs to another organisation than the Maskinporten client. Use the enterprise certificate of the organisation that owns the client, or a client registered by the certificate's organisation."},
	{CodeMPCertificateUnreadable, "Maskinporten could not read the certificate in the grant (the x5c header). Import the enterprise certificate again, with its full chain."},
	{CodeMPBadSignature, "The grant's signature is not valid: the private key does not match the certificate or the key registered on the client. Import the certificate and its private key again."},
	{CodeMPGrantExpired, "Maskinporten says the grant has expired. The clock of this computer is probably wrong: set the date and time to update automatically, then try again."},
	{CodeMPInvalidValue, "Maskinporten rejected a value in the token request. Check the client id and the scopes in Settings for typing errors, stray spaces or line breaks."},
	{CodeMPGrantReused, "Maskinporten says this grant was used before. Try again: Motpart signs a new grant for every request. If it keeps happening, report it."},
	{CodeMPScopeNotOnClient, "The scope is not registered on the Maskinporten client. Add the scope to the client in Maskinporten's self-service portal; if the scope is not offered there, ask Brønnøysund for the scope first."},
	{CodeMPWrongClientType, "The scope cannot be used with this kind of Maskinporten client (wrong integration type). Create a client of the Maskinporten (API consumer) type and add the scope to it."},
	{CodeMPScopeNotGranted, "Your organisation has not been given this scope. Ask Brønnøysund for the scope (for the Register of beneficial owners: opendata@brreg.no), then try again."},
	{CodeMPScopeNotDelegated, "The customer has not delegated this scope to your organisation. Ask the customer to delegate the API access to you in Altinn."},
	{CodeMPAuthorizationDetails, "Maskinporten rejected the authorisation details of the request (system user or consent). Motpart does not send them: report it."},
	{CodeMPClockSkew, "The clock of this computer is wrong: it is ahead of Maskinporten's. Set the date and time to update automatically, then try again."},
	{CodeMPInvalidClient, "Maskinporten does not know the client id. Check the client id in Settings (it is shown in Maskinporten's self-service portal)."},
	{CodeMPUnauthorizedClient, "The Maskinporten client may not use this kind of grant. Check that the client is of the Maskinporten (API consumer) type."},
	{CodeMPInvalidScope, "Maskinporten does not accept the scopes asked for. Check the scopes in Settings, and ask Brønnøysund for the scope if your organisation has not been given it."},
	{CodeMPAccessDenied, "Maskinporten refused access to the scope. Ask Brønnøysund for the scope, or the customer to delegate it in Altinn."},
	{CodeMPInvalidGrant, "Maskinporten rejected the grant. Check the client id, the certificate and the computer's clock, then try again."},
	{CodeMPInvalidRequest, "Maskinporten rejected the token request as malformed. Check the client id and scopes in Settings; if it keeps happening, report it."},
	{CodeMPUnsupportedGrant, "This Maskinporten environment does not accept the JWT-bearer grant. Check the Maskinporten address in Settings."},
	{CodeMPServerError, "Maskinporten had an internal error. Try again later."},
	{CodeMPUnavailable, "Maskinporten is unavailable at the moment. Try again later."},
	{CodeMPRefused, "Maskinporten refused the token request. Check the client id, the scopes, the certificate and the computer's clock in Settings."},
	{CodeMPConfig, "Motpart could not make the Maskinporten request. Check the Maskinporten settings and the certificate chosen for it."},
	{CodeBankIDBadRequest, "BankID rejected the request as malformed. Check the number and the country; if it keeps happening, report it."},
	{CodeBankIDTokenRejected, "BankID did not accept the access token. Check the BankID environment and client in Settings, then try again."},
	{CodeBankIDForbidden, "BankID refused access: the client may not use the AML service or the scope asked for. Ask BankID to enable it for your client."},
	{CodeBankIDNotFound, "BankID has no organisation with this number, or the order no longer exists. Check the number, or order again."},
	{CodeBankIDConflict, "BankID says the order is in a state that does not allow this. Wait a moment, then try again."},
	{CodeBankIDInvalidClient, "BankID does not know the client id or the secret is wrong. Check them in Settings."},
	{CodeBankIDTokenRefused, "BankID refused the token request. Check the client, the authentication method and the scopes in Settings."},
	{CodeBankIDConfig, "The BankID settings are incomplete or wrong. Check the client id, the secret and the addresses in Settings."},
	{CodeBankIDInvalidIdentifier, "This is not a valid organisation number for the country chosen: Norway has 9 digits, Sweden 10, Finland a business ID (1234567-8)."},
	{CodeBankIDSessionExpired, "The order has expired: BankID keeps documents for 2 hours. Order them again."},
	{CodeBankIDSessionFailed, "BankID could not prepare the documents and cancelled the order. Try again later; if it keeps happening, contact BankID."},
	{CodeBankIDReportNotPDF, "BankID sent a document that is not a PDF, so it was not kept. Order again; if it keeps happening, report it."},
	{CodeBankIDReportTooLarge, "BankID sent a document larger than Motpart accepts, so it was not kept. Report it."},
	{CodeBankIDNotConnected, "BankID's AML service is not set up. Enter the BankID client in Settings, or use the sandbox."},
	{CodeDocumentNotFound, "This document is not in the vault. It may have been removed; order it again."},
	{CodeAMLOrderNotFound, "This order is not in the vault. Order the documents again."},
	{CodeWebhookBadSignature, "A notification was refused because its signature does not match. Check the webhook secret in Settings."},
	{CodeSCBNotConnected, "SCB's business register is not set up. Import the certificate SCB sent and choose it in Settings, or use the sandbox."},
	{CodeSCBCertificateRefused, "SCB refused the certificate. Check that the SCB certificate chosen in Settings is the one SCB sent and that it has not expired."},
	{CodeSCBBadRequest, "SCB rejected the request. SCB's own reason is shown beside; if it keeps happening, report it."},
	{CodeSCBUnknownVariable, "SCB does not know a variable or category in the request, or the subscription does not include it. SCB's own reason is shown beside."},
	{CodeSCBInvalidValue, "SCB rejected a value in the request, such as the organisation number. SCB's own reason is shown beside."},
	{CodeSCBMaintenance, "SCB's business register is closed for maintenance. Try again later."},
	{CodeSCBTooManyRows, "SCB gives at most 2,000 rows at a time, and more than that match. Narrow the search."},
	{CodeSCBNotSubscribed, "Not in your SCB subscription."},
	{CodeSectorFileMissing, "There is no copy of SCB's sector file in the vault. Download it, or choose a sector file."},
	{CodeSectorFileUnreadable, "The sector file could not be read: it is not SCB's zip or a sektor.txt with the expected columns."},
	{CodeCustomerColumnNotFound, "No column of the customer file holds organisation numbers, or the column chosen is not in it. Choose the column that holds the numbers."},
	{CodeCustomerFileUnreadable, "The customer file could not be read. Save it as CSV or Excel (.xlsx) and try again."},
	{CodeOutputWriteFailed, "The classified file could not be written, and nothing was left half-written. Check that there is room on the disk and that you may write to the folder."},
	{CodeVeroNotConnected, "Vero's certificate service is not set up for this environment. Choose the test or production environment, or use the sandbox."},
	{CodeVeroTransferIDUnknown, "Vero does not know this TransferID. Check it against the secure e-mail from Vero, or order a new one in the Incomes Register e-service."},
	{CodeVeroTransferPassword, "Vero did not accept the TransferPassword: it is wrong or was used already. A TransferPassword works only once; order a new TransferID and password in the Incomes Register e-service."},
	{CodeVeroCSRRejected, "Vero refused the certificate request. Report it; Motpart makes the request itself."},
	{CodeVeroRetrievalUnknown, "Vero no longer knows this order. Order the certificate again with a new TransferID."},
	{CodeVeroNotReady, "Vero has not finished the certificate yet. Try again later; the order is kept and continues where it stopped."},
	{CodeVeroRenewalRefused, "Vero refused the renewal: the current certificate is not valid for it. Check that it has not expired; otherwise order a new certificate."},
	{CodeVeroRenewalTooEarly, "The certificate can be renewed only in the last 60 days of its validity. Renew it when the reminder comes."},
	{CodeVeroWrongEnvironment, "Vero says the environment does not match the address. Check the environment chosen (test or production)."},
	{CodeVeroError, "Vero's certificate service reported an error. Vero's own words are shown beside; if it keeps happening, contact Vero."},
	{CodeVeroBadSignature, "The answer from the certificate service is not signed by Vero, so Motpart did not use it. Check the address; if it keeps happening, report it."},
	{CodeVeroOrderPending, "An earlier certificate order was sent and not finished. Continue that order first."},
	{CodeVeroNoPendingOrder, "There is no unfinished certificate order to continue."},
	{CodeVeroNotRenewable, "This certificate was not issued by Vero's certificate service, so Motpart cannot renew it. Order a new Incomes Register certificate instead."},
	{CodeVeroOrderIncomplete, "Enter the business ID, the company name, the TransferID and the TransferPassword from Vero's secure e-mail."},
	{CodeClientExists, "This company is already one of your clients."},
	{CodeNotAClient, "This company is not one of your clients. Add it from its dossier or import your client list."},
	{CodeCheckRunning, "A check of your clients is already running. Wait for it to finish, or pause it first."},
	{CodeNoPendingCheck, "There is no interrupted check to continue. Start a new check."},
	{CodeFeedTooOld, "The register no longer keeps its list of changes that far back. Every client is looked up again instead; this takes longer."},
	{CodeImportNoNumberColumn, "No column of this file holds organisation numbers. Choose the column with the numbers, or check that it is the right file."},
	{CodeNotSandbox, "This works only in the sandbox, the practice environment."},
	{CodeCertNotPKCS12, "This is not a certificate file (.pfx or .p12). Save the attachment from the register's e-mail and choose that file."},
	{CodeCertDamaged, "The file is damaged or incomplete. Save the attachment from the e-mail again, or ask the register to send the file again."},
	{CodeCertWrongPassword, "The password does not open this file. Check that it is the password that came with this certificate, and mind upper and lower case."},
	{CodeCertNoPrivateKey, "The file holds certificates but not the private key, so Motpart cannot sign in with it. Ask for the file that contains the key."},
	{CodeCertKeyMismatch, "The key in the file does not belong to its certificate. Ask the register for a new file."},
	{CodeCertExpired, "This certificate has expired. Order a new one from the register; an expired certificate cannot be used."},
	{CodeCertNotYetValid, "This certificate is not valid yet. Import it on or after the date it becomes valid."},
}
