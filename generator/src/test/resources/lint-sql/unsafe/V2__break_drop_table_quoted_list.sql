-- expect: drop-table
DROP TABLE "Orders", "public"."Customer";
