-- expect: blocking-maintenance
CLUSTER;
