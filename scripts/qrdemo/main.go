// Command qrdemo draws the text read from standard input as a terminal QR code, for
// scripts/qr-xterm.sh to photograph in a real terminal emulator. Not part of the product.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/qr"
)

func main() {
	bg := flag.String("bg", "dark", "terminal background the glyphs are chosen for: dark or light")
	invert := flag.Bool("invert", false, "swap dark and light modules")
	hold := flag.Duration("hold", 0, "keep the window open this long after drawing")
	quiet := flag.Int("quiet", 0, "quiet zone in modules (0: the default, 4)")
	colour := flag.Bool("colour", false, "paint every module with background colours (the drawing used wherever colour is available)")
	flag.Parse()
	text, err := bufio.NewReader(os.Stdin).ReadString('\n')
	if err != nil && text == "" {
		fmt.Fprintln(os.Stderr, "qrdemo: no text on standard input")
		os.Exit(2)
	}
	o := qr.Options{Invert: *invert, Colour: *colour, QuietZone: *quiet, Level: qr.Low}
	if *bg == "light" {
		o.Background = qr.Light
	}
	r, err := qr.Render(strings.TrimSpace(text), o)
	if err != nil {
		fmt.Fprintln(os.Stderr, "qrdemo:", err)
		os.Exit(1)
	}
	fmt.Print("\x1b[2J\x1b[H", r.Text, "\n")
	time.Sleep(*hold)
}
