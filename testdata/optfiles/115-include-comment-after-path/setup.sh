printf '[mysqld]\nfrom=file-with-note\n' > 'x.cnf # note'
