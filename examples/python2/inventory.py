"""A small Python 2 module, for trying `small-steps fix` (it is not part of small-steps)."""
import ConfigParser


class Inventory(object):
    def __init__(self, path):
        self.counts = {}
        self.config = ConfigParser.ConfigParser()
        self.config.read(path)

    def add(self, name, n=1L):
        if not self.counts.has_key(name):
            self.counts[name] = 0
        self.counts[name] += n

    def report(self, out):
        for name, n in sorted(self.counts.iteritems()):
            print >>out, "%-20s %d" % (name, n)

    def first(self, size):
        try:
            return [self.counts.keys()[i] for i in xrange(size)]
        except IndexError, e:
            raise ValueError, "only %d items" % len(self.counts)
