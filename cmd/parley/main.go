// Command parley simulates hard negotiations: it loads a scenario, shows
// its structure and (with the engine) plays it many times.
package main

import "os"

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }
