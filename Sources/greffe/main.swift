import GreffeCLI
GreffeCommand.main()
