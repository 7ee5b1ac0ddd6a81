// Package assets holds data files embedded in the program.
package assets

import _ "embed"

// EndpointsTOML is the default list of addresses checked by --check-network, grouped, with the
// firewall rule IT should add for each. Package netcheck parses it; --endpoints reads a file in
// the same format.
//
//go:embed endpoints.toml
var EndpointsTOML []byte

// SMSVoiceTOML holds the dates of Microsoft's end of text-message and phone-call codes and DMC
// Hosting's choice about them, with their sources. Package steps parses it.
//
//go:embed smsvoice.toml
var SMSVoiceTOML []byte

// AADSTSTOML is the table of Microsoft sign-in error codes the explainer knows: who must act on
// each, and the page it was checked against. Package explain parses it.
//
//go:embed aadsts.toml
var AADSTSTOML []byte

// FactsTOML is the facts ledger: every external fact the guide states (Microsoft's labels in
// both languages, addresses, names, durations, telephone behaviour, switches) with the sources
// it was read in. Package ledger parses it.
//
//go:embed facts.toml
var FactsTOML []byte
