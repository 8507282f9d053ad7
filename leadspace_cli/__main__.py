from leadspace_cli.cli import main

main()
