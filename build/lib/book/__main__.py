from book.cli import main

main()
