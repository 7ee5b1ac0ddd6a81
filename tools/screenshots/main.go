// Command screenshots holds the Go halves of scripts/screenshots.sh, which makes the README's
// pictures from real runs of the program in tmux:
//
//	go run ./tools/screenshots serve DIR        # loopback servers for the --check-network picture
//	go run ./tools/screenshots flatten [-fg #cdd6f4 -bg #1e1e2e] < capture > flat
//	go run ./tools/screenshots shrink FILE.png...
//
// serve starts servers on 127.0.0.1 that give --check-network a realistic mix of results, writes
// the endpoint list and certificates into DIR, and runs until it is signalled. flatten turns a
// `tmux capture-pane -p -e` capture into the plain SGR subset that freeze draws correctly. shrink
// recompresses freeze's PNGs. It is
// a developer tool, so it speaks English.
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	var err error
	switch os.Args[1] {
	case "serve":
		if len(os.Args) != 3 {
			usage()
		}
		err = serve(os.Args[2])
	case "flatten":
		err = flattenMain(os.Args[2:])
	case "shrink":
		for _, f := range os.Args[2:] {
			if err = shrink(f); err != nil {
				break
			}
		}
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "screenshots:", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: screenshots serve DIR | screenshots flatten [-fg #rrggbb] [-bg #rrggbb] < capture | screenshots shrink FILE.png...")
	os.Exit(2)
}
