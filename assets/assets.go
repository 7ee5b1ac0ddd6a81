// Package assets holds data files embedded in the program.
package assets

import _ "embed"

// EndpointsTOML is the default list of addresses checked by --check-network, grouped, with the
// firewall rule IT should add for each. Package netcheck parses it; --endpoints reads a file in
// the same format.
//
//go:embed endpoints.toml
var EndpointsTOML []byte
