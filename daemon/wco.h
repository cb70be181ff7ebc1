/*
 * WCO Data Model DEC-DMS declarations (urn:wco:datamodel:WCO:DEC-DMS:2,
 * alone or inside a DocumentMetaData-DMS envelope) turned into the JSON
 * declaration contract, so that one validator (decl.c) and one screening
 * path serve both.  Pure: no I/O; libxml2 with no network, no DTD, no entity
 * expansion and a depth limit.
 */
#ifndef CORDON_WCO_H
#define CORDON_WCO_H

#include <stddef.h>

#include <jansson.h>

#include "decl.h"

/* WCO function codes (DE 1/... FunctionCode) Cordon acts on. */
#define WCO_FUNCTION_ORIGINAL		9
#define WCO_FUNCTION_CANCELLATION	10
#define WCO_FUNCTION_AMENDMENT		13

/*
 * Maps a DEC-DMS message to the contract's JSON object.  Returns it (caller
 * decrefs), or NULL with *errp set to an error body (caller decrefs) and
 * *statusp to 400 (not well-formed, with line and column, or refused XML
 * features) or 422 (well-formed but lacking what screening needs, every
 * element path named).
 */
json_t	*wco_to_json(const char *data, size_t len, json_t **errp,
	    int *statusp);

/*
 * wco_to_json, then the contract's validation (decl_from_json with WCO's
 * leniency: an item without a commodity code or description is screened on
 * what it has and reported as a finding).  Same error convention.
 */
struct decl *wco_parse(const char *data, size_t len, json_t **errp,
	    int *statusp);

/*
 * The decl_from_json_flags flags of a declaration mapped from WCO XML (the
 * "wco" member of <root>): items may lack a code, and anything but an
 * original may come without goods.  0 for a declaration sent as JSON.
 * Intake and re-screening read stored bodies alike with it.
 */
int	 wco_decl_flags(json_t *root);

#endif
