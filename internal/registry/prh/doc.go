// Package prh is the client of the Finnish Patent and Registration
// Office's open data (PRH, avoindata.prh.fi): the YTJ open-data API,
// version 3, which needs no account. It looks a Finnish business ID
// (Y-tunnus) up and gives the answer as a dossier.Answer whose Source has
// the ID "prh", and searches companies by name.
//
// # The response shape
//
// Researched on 2026-12-03 with the search tools; sources:
//   - PRH's OpenAPI description, https://avoindata.prh.fi/opendata-ytj-api/v3/schema?lang=en
//     (paths /companies with the query parameters name, location,
//     businessId, companyForm, mainBusinessLine, registrationDateStart/End,
//     postCode, businessIdRegistrationStart/End, page; 400, 429, 500 and
//     503 with an ErrorResponse; the companyForm enum AOY ... VALTLL);
//   - an openapi-generator Go client made from that description (its
//     Company.md: the Company properties, which are required, and that
//     lastModified is "yyyy-mm-dd hh:mm:ss" without a time zone);
//   - several public clients' types (zod schemas, TypeScript and Python)
//     that agree with it on the nested fields.
//
// The answer of GET /opendata-ytj-api/v3/companies?businessId=... (and of
// ?name=...) is
//
//	{"totalResults": 1, "companies": [Company...]}
//
// and a Company is
//
//	businessId          {value, registrationDate, source}          required
//	euId                {value, source}                            e.g. "FIFPRO.0116297-6" [U: the prefix]
//	names               [{name, type, registrationDate, endDate, version, source}]
//	                    type "1" trade name, "2" parallel trade name,
//	                    "3" auxiliary trade name [U: from clients, code list TLAJI]
//	mainBusinessLine    {type (TOL 2008 code), descriptions [{languageCode, description}],
//	                     typeCodeSet, registrationDate, source}
//	website             {url, registrationDate, source}
//	companyForms        [{type, descriptions, registrationDate, endDate, version, source}]
//	companySituations   [{type, registrationDate, endDate, source}]
//	                    type "SANE" restructuring, "SELTILA" liquidation,
//	                    "KONK" bankruptcy
//	registeredEntries   [{type, descriptions, registrationDate, endDate, register, authority}] required
//	                    register "1" trade register, ..., "6" VAT register
//	                    [U: code list REK; the numbers are from clients]
//	addresses           [{type (1 street, 2 postal), street, postCode,
//	                     postOffices [{city, languageCode, municipalityCode}],
//	                     postOfficeBox, buildingNumber, entrance, apartmentNumber,
//	                     apartmentIdSuffix, co, country, freeAddressLine,
//	                     registrationDate, source}]
//	tradeRegisterStatus string, code list REK_KDI                   required
//	                    [U: clients disagree on the codes; Motpart shows it
//	                     as given and does not decide a status from it]
//	status              string, code list STATUS3 (the business ID's state)
//	registrationDate    "yyyy-mm-dd"
//	endDate             "yyyy-mm-dd": the day the company ceased
//	lastModified        "yyyy-mm-dd hh:mm:ss"                       required
//
// languageCode is "1" Finnish, "2" Swedish, "3" English. Not confirmed
// ([U]): what the API answers for a business ID it does not know (Motpart
// takes both a 404 and totalResults 0 as "not found"), and whether a
// deregistered company keeps its companySituations.
package prh
