create table sample (id uuid primary key, name varchar(100) not null);
