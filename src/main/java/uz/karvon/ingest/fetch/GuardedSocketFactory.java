package uz.karvon.ingest.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.function.Predicate;
import javax.net.SocketFactory;

/**
 * Last line of the SSRF guard: checks the address actually connected to. OkHttp connects IP
 * literals without calling {@link okhttp3.Dns}; names are already pinned by {@link GuardedDns}, and
 * this sees the final {@link InetAddress} of every connection whatever path OkHttp took to it.
 */
final class GuardedSocketFactory extends SocketFactory {

    private final Predicate<InetAddress> allowed;

    GuardedSocketFactory(Predicate<InetAddress> allowed) {
        this.allowed = allowed;
    }

    @Override
    public Socket createSocket() {
        return new GuardedSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket s = createSocket();
        s.bind(new InetSocketAddress(localHost, localPort));
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        Socket s = createSocket();
        s.bind(new InetSocketAddress(localAddress, localPort));
        s.connect(new InetSocketAddress(address, port));
        return s;
    }

    private final class GuardedSocket extends Socket {
        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (!(endpoint instanceof InetSocketAddress isa) || isa.getAddress() == null
                    || !allowed.test(isa.getAddress())) {
                close();
                throw new BlockedAddressException("connection to non-public address refused");
            }
            super.connect(endpoint, timeout);
        }
    }
}
