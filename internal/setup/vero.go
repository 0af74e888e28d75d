package setup

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"

	"github.com/motpart/motpart/internal/desk"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/registry/transport"
	"github.com/motpart/motpart/internal/registry/vero"
)

// FICertificates connects to Vero's certificate service of environment
// ("test", "production" or "sandbox"; it is the desk's
// desk.FICertificateConnector). The address is $MOTPART_VERO_URL when set,
// else the environment's (the sandbox's simulator, started on demand).
// Answers must be signed by a signer that chains to the services CA: the
// sandbox's CA in the sandbox; elsewhere the PEM file $MOTPART_VERO_CA, or
// the system's roots when it is not set (Vero's services CA is not
// published with the service description; registries.md §2.5 [L]).
// The transport never retries: a TransferPassword works once.
func (c *Connector) FICertificates(environment string) (desk.FICertificateService, error) {
	cfg := vero.Config{Now: c.now}
	tcfg := transport.Config{UserAgent: UserAgent(), ExtraRootsPEM: c.overrides.ExtraRootsPEM, Retries: -1}
	switch desk.Environment(environment) {
	case desk.EnvProduction:
		cfg.URL, cfg.Environment = vero.ProductionURL, vero.EnvProduction
	case desk.EnvTest:
		cfg.URL, cfg.Environment = vero.TestURL, vero.EnvTest
	case desk.EnvSandbox:
		sb, err := c.Sandbox(context.Background())
		if err != nil {
			return nil, err
		}
		cfg.URL, cfg.Environment = sb.Endpoints().Vero, vero.EnvTest
		cfg.ServicesCA = sb.CAPool()
		// The sandbox CA is trusted here, and only here.
		tcfg.RootCAs, tcfg.ExtraRootsPEM = sb.CAPool(), nil
	default:
		return nil, problem.New(problem.CodeVeroNotConnected, fmt.Errorf("environment %q", environment))
	}
	if cfg.ServicesCA == nil {
		pool, err := c.veroServicesCA()
		if err != nil {
			return nil, err
		}
		cfg.ServicesCA = pool
	}
	cfg.URL = firstSet(c.overrides.VeroURL, cfg.URL)
	t, err := transport.New(tcfg)
	if err != nil {
		return nil, problem.New(problem.CodeInternal, fmt.Errorf("setting up connections: %w", err))
	}
	return vero.New(cfg, t)
}

// veroServicesCA is the pool the answers' signer must chain to outside
// the sandbox.
func (c *Connector) veroServicesCA() (*x509.CertPool, error) {
	if len(c.overrides.VeroCAPEM) > 0 {
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(c.overrides.VeroCAPEM) {
			return nil, problem.New(problem.CodeBadSetting, errors.New("MOTPART_VERO_CA holds no PEM certificate"))
		}
		return pool, nil
	}
	pool, err := x509.SystemCertPool()
	if err != nil {
		return nil, problem.New(problem.CodeVeroNotConnected, fmt.Errorf("no services CA: %w", err))
	}
	return pool, nil
}
