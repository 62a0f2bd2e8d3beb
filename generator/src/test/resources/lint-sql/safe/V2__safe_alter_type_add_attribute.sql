-- expect: nothing
ALTER TYPE address ADD ATTRIBUTE zip text;
