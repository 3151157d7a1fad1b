from pitchlint.cli import main

main()
