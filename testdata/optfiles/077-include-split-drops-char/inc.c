[mysqld]
from=inc.c
