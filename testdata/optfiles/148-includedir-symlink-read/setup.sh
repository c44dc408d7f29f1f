mkdir d
ln -s ../target.txt d/link.cnf
