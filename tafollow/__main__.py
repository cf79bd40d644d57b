from tafollow.cli import main

main()
