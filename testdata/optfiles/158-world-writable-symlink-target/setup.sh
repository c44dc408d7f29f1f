chmod 666 target.txt
ln -s target.txt link.cnf
