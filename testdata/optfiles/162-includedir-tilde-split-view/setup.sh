mkdir -p './~/conf.d'
printf '[mysqld]\nf=tilde-dir-a\n' > './~/conf.d/a.cnf'
printf '[mysqld]\nf=tilde-dir-b\n' > './~/conf.d/b.cnf'
