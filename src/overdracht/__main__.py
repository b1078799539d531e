from overdracht.cli import main

main(prog_name="overdracht")
